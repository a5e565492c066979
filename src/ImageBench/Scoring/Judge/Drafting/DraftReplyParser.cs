using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Scoring.Judge.Drafting;

/// <summary>
/// Reads a drafting model's reply into checklist items, leniently: code fences and prose around the JSON are
/// skipped, a bare array is taken as the items, capabilities match case-insensitively, <c>depends_on</c> may be a
/// single id. It only reads; whether the items form a valid checklist is <see cref="ChecklistRules"/>' call.
/// </summary>
public static class DraftReplyParser
{
    /// <summary>The items, or null with the reason when the reply holds no usable JSON.</summary>
    public static IReadOnlyList<ChecklistItem>? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Root(text, out error) is not { } root) return null;
        var array = root as JsonArray ?? (root as JsonObject)?["items"] as JsonArray;
        if (array is null)
        {
            error = "the draft has no \"items\" array";
            return null;
        }
        var items = new List<ChecklistItem>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item || Text(item["id"]) is not { Length: > 0 } id)
            {
                error = $"item {i + 1} of the draft has no \"id\"";
                return null;
            }
            items.Add(new ChecklistItem(id, Text(item["question"]) ?? "", Parents(item["depends_on"]),
                Capability(Text(item["capability"]) ?? ""), Text(item["count_of"]) is { Length: > 0 } c ? c : null));
        }
        error = null;
        return items;
    }

    private static JsonNode? Root(string text, out string? error)
    {
        // Models wrap JSON in prose and ``` fences, and prose has brackets of its own ("[v1]"): read one JSON value
        // from each '{' or '[' in turn, ignoring what follows it, and take the first that has the asked-for shape.
        JsonNode? firstParsed = null;
        string? invalid = null;
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)'{' or (byte)'[')) continue;
            var reader = new Utf8JsonReader(bytes.AsSpan(i), new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            try
            {
                using var document = JsonDocument.ParseValue(ref reader);
                var node = JsonNode.Parse(document.RootElement.GetRawText());
                if (node is JsonArray { Count: > 0 } a && a.All(x => x is JsonObject) || node is JsonObject { } o && o["items"] is JsonArray)
                {
                    error = null;
                    return node;
                }
                firstParsed ??= node;
            }
            catch (JsonException e)
            {
                invalid ??= $"the draft is not valid JSON ({e.Message})";
            }
        }
        // JSON that broke off (say, a truncated reply) says so, rather than pointing at a fragment inside it.
        error = invalid ?? (firstParsed is null ? "the draft holds no JSON object" : null);
        return invalid is null ? firstParsed : null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? v.ToString().Trim() : null;

    private static List<string> Parents(JsonNode? node) => node switch
    {
        JsonArray a => [.. a.Select(Text).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!)],
        JsonValue when Text(node) is { Length: > 0 } one => [one],
        _ => [],
    };

    /// <summary>The canonical spelling of a known capability written in another case; anything else as written (and then refused).</summary>
    private static string Capability(string written) =>
        ChecklistCapabilities.Known.FirstOrDefault(k => string.Equals(k, written, StringComparison.OrdinalIgnoreCase)) ?? written;
}
