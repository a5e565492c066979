using System.Text.Json;
using System.Text.RegularExpressions;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Replicate;

/// <summary>Pure reading of Replicate prediction objects. Garbage yields a reason (InvalidResponse), never an exception.</summary>
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
        if (Text(root, "status") is not { Length: > 0 } status) return (null, "prediction has no status");

        // Output is model-defined: a URL string, a list of them, or (sync mode) data: URLs.
        string? output = null;
        var extras = new List<string>();
        if (root.TryGetProperty("output", out var o))
        {
            if (o.ValueKind == JsonValueKind.Array)
                extras.AddRange(o.EnumerateArray().Skip(1).Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
            output = o.ValueKind switch
            {
                JsonValueKind.String => o.GetString(),
                JsonValueKind.Array when o.GetArrayLength() > 0 && o[0].ValueKind == JsonValueKind.String => o[0].GetString(),
                _ => null,
            };
            if (output is not null && !InlineImageUrl.IsDataUrl(output) && Http(output) is null)
                return (null, "prediction output is not an http(s) or data: URL");
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
        return (new ReplicatePrediction(id, status, output, error, predict, get) { ExtraOutputs = extras, Seed = Seed(root) }, null);
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
