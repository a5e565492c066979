using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Suites;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Drafting;

/// <summary>
/// What the drafter sends for one prompt: a text-only request (no image: the questions are about what the prompt
/// asks for, not about a picture) carrying the prompt, its tags and expectations, and the rule-derived checklist
/// as a worked example the model should keep and extend. Deterministic, so a recording replays it.
/// </summary>
public static class DraftRequest
{
    // Non-ASCII as itself, not \u escapes: the model reads "crème brûlée" as the suite wrote it.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string SystemPrompt =
        "You write evaluation checklists for text-to-image prompts, in the style of the Davidsonian Scene Graph (DSG). " +
        "Each item is one atomic yes/no question a person can answer by looking at the generated image. " +
        "List entities first (\"Is there a croissant?\"), then their attributes, counts, placement and relations, each " +
        "depending on the entity questions it presupposes (\"Are there exactly three croissants?\" depends on the " +
        "croissant question). A question never depends on a later one. Reply with JSON only.";

    /// <summary>Temperature 0 and JSON mode: the draft should not change between two runs more than the provider makes it.</summary>
    public static ChatOptions Options() => new() { Temperature = 0f, ResponseFormat = ChatResponseFormat.Json };

    public static IReadOnlyList<ChatMessage> Messages(PromptSpec prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, UserText(prompt))];
    }

    public static string UserText(PromptSpec prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var derived = ChecklistBuilder.Derive(prompt.Expect.Tags.Count == 0 ? prompt.Expect with { Tags = prompt.Tags } : prompt.Expect);
        var text = new StringBuilder();
        text.AppendLine("Write the checklist for this text-to-image prompt.");
        text.AppendLine("<prompt>").AppendLine(prompt.Text.Trim()).AppendLine("</prompt>");
        text.Append("Tags (what the prompt tests): ").AppendLine(prompt.Tags.Count == 0 ? "none" : string.Join(", ", prompt.Tags));
        text.AppendLine("What the suite expects a correct image to show (cover every object, count, placement, lighting, style, action and check listed here):");
        text.AppendLine(ExpectationsJson(prompt.Expect).ToJsonString(Readable));
        text.AppendLine("A checklist derived from these expectations by fixed rules; keep its questions that are right (reword them if needed), and add the entities, attributes and relations the prompt states that it misses:");
        text.AppendLine(ItemsJson(derived.Items).ToJsonString(Readable));
        text.AppendLine("Rules:");
        text.AppendLine("- One fact per question, answerable yes or no from the image alone; \"yes\" must mean the image is right.");
        text.AppendLine("- Exact words of rendered text are checked elsewhere (OCR): do not ask about spelling.");
        text.AppendLine("- id: short, unique, letters, digits, '.', '_' or '-' only (e.g. obj1, obj1.count, light).");
        text.AppendLine("- depends_on: ids of earlier items this question presupposes; [] for entities and whole-image questions.");
        text.Append("- capability: exactly one of: ").AppendLine(string.Join("; ", ChecklistCapabilities.Known));
        text.AppendLine("- count_of: for a question about how many of something there are, the thing's name (the judge will also report the number it sees); omit it otherwise.");
        text.AppendLine("Reply with one JSON object and nothing else:");
        text.Append("{\"items\": [{\"id\": \"obj1\", \"question\": \"Is there a croissant?\", \"depends_on\": [], \"capability\": \"counting and composition\"}, ")
            .Append("{\"id\": \"obj1.count\", \"question\": \"Are there exactly three croissants?\", \"depends_on\": [\"obj1\"], \"capability\": \"counting and composition\", \"count_of\": \"croissant\"}]}");
        return text.ToString();
    }

    private static JsonObject ExpectationsJson(Expectations expect)
    {
        var json = new JsonObject();
        if (expect.Objects.Count > 0)
            json["objects"] = new JsonArray([.. expect.Objects.Select(o => (JsonNode)Without(new JsonObject { ["name"] = o.Name, ["count"] = o.Count, ["placement"] = o.Placement }))]);
        if (expect.Text.Count > 0)
            json["text"] = new JsonArray([.. expect.Text.Select(t => (JsonNode)Without(new JsonObject { ["value"] = t.Value, ["placement"] = t.Placement }))]);
        if (expect.Lighting is { } lighting) json["lighting"] = lighting;
        if (expect.Style is { } style) json["style"] = style;
        if (expect.Action is { } action) json["action"] = action;
        if (expect.Checks.Count > 0) json["checks"] = new JsonArray([.. expect.Checks.Select(c => (JsonNode)JsonValue.Create(c))]);
        return json;
    }

    private static JsonArray ItemsJson(IReadOnlyList<ChecklistItem> items) =>
        new([.. items.Select(i => (JsonNode)Without(new JsonObject
        {
            ["id"] = i.Id, ["question"] = i.Question, ["depends_on"] = new JsonArray([.. i.DependsOn.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["capability"] = i.Capability, ["count_of"] = i.CountOf,
        }))]);

    /// <summary>Drops null members, so the model sees only what the suite says.</summary>
    private static JsonObject Without(JsonObject json)
    {
        foreach (var key in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(key);
        return json;
    }
}
