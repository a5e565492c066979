using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Scoring.Judge;

/// <summary>One yes/no question put to the judge. <paramref name="CountOf"/> names the object when the judge is also asked how many it sees.</summary>
public sealed record JudgeQuestion(string Id, string Question, string? CountOf = null);

/// <summary>The judge's answer to one question: "yes", "no" or "unsure", and the count it saw for a counting question.</summary>
public sealed record JudgeAnswer(string Id, string Answer, int? Count = null);

/// <summary>One judge response: what it saw first (observation before answer), then an answer per question.</summary>
public sealed record JudgeReply(string Observation, IReadOnlyList<JudgeAnswer> Answers);

/// <summary>
/// The wire contract between ImageBench and any vision judge (a real LLM or the emulator): the prompt text that
/// carries the questions and the JSON reply expected back. The questions travel as a JSON array between markers so
/// a model reads them unambiguously and the emulated judge can parse them; the reply is parsed leniently because
/// models wrap JSON in code fences or prose.
/// </summary>
public static class JudgeProtocol
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Unsure = "unsure";

    private const string QuestionsStart = "<questions>";
    private const string QuestionsEnd = "</questions>";

    public const string SystemPrompt =
        "You are a careful visual inspector checking whether an image matches a specification. " +
        "Look at the image first and describe what you actually see, then answer each question strictly from the " +
        "image. Answer \"yes\" only when it is clearly visible, \"no\" when it is clearly absent or wrong, and " +
        "\"unsure\" when the image does not let you tell. Count objects one by one before answering a counting " +
        "question. Reply with JSON only.";

    /// <summary>The user message's text (the image goes beside it as a separate content part).</summary>
    public static string UserText(IReadOnlyList<JudgeQuestion> questions)
    {
        var array = new JsonArray();
        foreach (var q in questions)
        {
            var item = new JsonObject { ["id"] = q.Id, ["question"] = q.Question };
            if (q.CountOf is not null) item["count_of"] = q.CountOf;
            array.Add(item);
        }
        var text = new StringBuilder();
        text.AppendLine("Check this image against the questions below.");
        text.AppendLine(QuestionsStart);
        text.AppendLine(array.ToJsonString());
        text.AppendLine(QuestionsEnd);
        text.AppendLine("Reply with one JSON object and nothing else:");
        text.AppendLine("{\"observation\": \"<what the image shows, in two or three sentences>\", \"answers\": [{\"id\": \"<question id>\", \"answer\": \"yes\" | \"no\" | \"unsure\", \"count\": <for questions with count_of: how many you see, else omit>}]}");
        text.Append("Answer every question id exactly once.");
        return text.ToString();
    }

    /// <summary>The questions carried by <see cref="UserText"/>; null when the text holds none (not our prompt).</summary>
    public static IReadOnlyList<JudgeQuestion>? QuestionsIn(string userText)
    {
        var start = userText.IndexOf(QuestionsStart, StringComparison.Ordinal);
        var end = userText.IndexOf(QuestionsEnd, StringComparison.Ordinal);
        if (start < 0 || end <= start) return null;
        try
        {
            var json = JsonNode.Parse(userText[(start + QuestionsStart.Length)..end]) as JsonArray;
            return json?.Select(n => new JudgeQuestion(
                n!["id"]!.GetValue<string>(),
                n["question"]!.GetValue<string>(),
                n["count_of"]?.GetValue<string>())).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>The reply as JSON text (what the emulated judge sends).</summary>
    public static string Format(JudgeReply reply)
    {
        var answers = new JsonArray();
        foreach (var a in reply.Answers)
        {
            var item = new JsonObject { ["id"] = a.Id, ["answer"] = a.Answer };
            if (a.Count is { } c) item["count"] = c;
            answers.Add(item);
        }
        return new JsonObject { ["observation"] = reply.Observation, ["answers"] = answers }.ToJsonString();
    }

    /// <summary>
    /// Parses a judge's text leniently: code fences and prose around the first JSON object are ignored, answers
    /// are case-insensitive, and anything but yes/no becomes "unsure". Null with the reason when no usable JSON.
    /// </summary>
    public static JudgeReply? Parse(string text, out string? error)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            error = "the judge's reply holds no JSON object";
            return null;
        }
        try
        {
            if (JsonNode.Parse(text[start..(end + 1)]) is not JsonObject root || root["answers"] is not JsonArray answers)
            {
                error = "the judge's reply has no \"answers\" array";
                return null;
            }
            var parsed = new List<JudgeAnswer>();
            foreach (var node in answers.OfType<JsonObject>())
            {
                if (node["id"] is not JsonValue id) continue;
                parsed.Add(new JudgeAnswer(id.ToString(), NormalizeAnswer(node["answer"]), CountOf(node["count"])));
            }
            error = null;
            return new JudgeReply(root["observation"] is JsonValue o ? o.ToString() : "", parsed);
        }
        catch (JsonException e)
        {
            error = $"the judge's reply is not valid JSON ({e.Message})";
            return null;
        }
    }

    private static string NormalizeAnswer(JsonNode? node)
    {
        var value = node is JsonValue v ? v.ToString().Trim().ToLowerInvariant() : "";
        return value switch
        {
            Yes or "true" => Yes,
            No or "false" => No,
            _ => Unsure,
        };
    }

    private static int? CountOf(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<int>(out var i) ? i
        : node is JsonValue s && int.TryParse(s.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var j) ? j
        : null;
}
