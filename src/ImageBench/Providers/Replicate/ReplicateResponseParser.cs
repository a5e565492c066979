using System.Text.Json;
using System.Text.RegularExpressions;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Replicate;

/// <summary>
/// Pure reading of Replicate prediction objects. Garbage yields a reason (InvalidResponse), never an exception; an
/// object with an id is always read, with what makes it unusable in <see cref="ReplicatePrediction.Problem"/>, so a
/// created (billed) prediction's id is never lost to a bad output.
/// </summary>
public static partial class ReplicateResponseParser
{
    public static (ReplicatePrediction? Prediction, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            return Parse(doc.RootElement);
        }
        catch (JsonException e)
        {
            return (null, $"prediction is not JSON: {e.Message}");
        }
    }

    private static (ReplicatePrediction?, string?) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, "prediction is not a JSON object");
        if (Text(root, "id") is not { Length: > 0 } id) return (null, "prediction has no id");

        // From here the prediction exists (and is billed): whatever else is wrong with it is a Problem the adapter
        // reports after storing the id, never a reason to drop the whole answer.
        var status = Text(root, "status") ?? "";
        var problem = status.Length == 0 ? "prediction has no status" : null;
        string? output = null;
        var extras = new List<string>();
        if (root.TryGetProperty("output", out var o))
        {
            if (o.ValueKind == JsonValueKind.Array)
                extras.AddRange(o.EnumerateArray().Skip(1).Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
            (output, var bad) = Output(o);
            problem ??= bad;
        }
        string? error = null;
        if (root.TryGetProperty("error", out var e) && e.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            error = e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText();
        double? predict = null;
        if (root.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object
            && m.TryGetProperty("predict_time", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetDouble(out var seconds)
            && double.IsFinite(seconds) && seconds >= 0)
            predict = seconds;
        Uri? get = null;
        if (root.TryGetProperty("urls", out var urls) && urls.ValueKind == JsonValueKind.Object)
            get = Http(Text(urls, "get"));
        return (new ReplicatePrediction(id, status, output, error, predict, get, problem) { ExtraOutputs = extras, Seed = Seed(root) }, null);
    }

    /// <summary>Output is model-defined: a URL string, a list of them, or (sync mode) data: URLs. Anything else is no image.</summary>
    private static (string? Output, string? Problem) Output(JsonElement o)
    {
        var first = o.ValueKind == JsonValueKind.Array ? (o.GetArrayLength() > 0 ? o[0] : (JsonElement?)null) : o;
        if (first is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return (null, null);
        if (value.ValueKind != JsonValueKind.String)
            return (null, $"prediction output is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not an http(s) or data: URL");
        var text = value.GetString()!;
        return InlineImageUrl.IsDataUrl(text) || Http(text) is not null
            ? (text, null)
            : (null, "prediction output is not an http(s) or data: URL");
    }

    private static string? Seed(JsonElement root) =>
        Text(root, "logs") is { } logs && SeedLine().Match(logs) is { Success: true } m
            ? m.Groups[1].Value
            : JsonRead.Code(JsonRead.Object(root, "input"), "seed");

    [GeneratedRegex(@"Using seed: (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex SeedLine();

    private static Uri? Http(string? s) =>
        s is not null && Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
