using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Bfl;

/// <summary>Pure reading of BFL bodies. Garbage yields a reason (InvalidResponse), never an exception.</summary>
public static class BflResponseParser
{
    public static (BflSubmission? Submission, string? Failure) ParseSubmit(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "submit response is not a JSON object");
            if (Text(root, "id") is not { Length: > 0 } id) return (null, "submit response has no id");
            var polling = Text(root, "polling_url");
            if (polling is not null && !IsHttpUrl(polling)) return (null, "submit response polling_url is not an http(s) URL");
            return (new BflSubmission(id, polling), null);
        }
        catch (JsonException e)
        {
            return (null, $"submit response is not JSON: {e.Message}");
        }
    }

    public static (BflPoll? Poll, string? Failure) ParsePoll(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "poll response is not a JSON object");
            if (Text(root, "status") is not { } status) return (null, "poll response has no status");

            Uri? sample = null;
            string? prompt = null;
            double? duration = null;
            string? seed = null;
            if (root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
            {
                if (Text(result, "sample") is { } s && IsHttpUrl(s)) sample = new Uri(s);
                prompt = Text(result, "prompt");
                duration = Number(result, "duration");
                seed = JsonRead.Code(result, "seed");
            }

            string? details = null;
            var reasons = new List<string>();
            if (root.TryGetProperty("details", out var d) && d.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                details = d.ValueKind == JsonValueKind.String ? d.GetString() : d.GetRawText();
                if (d.ValueKind == JsonValueKind.Object && d.TryGetProperty("Moderation Reasons", out var mr) && mr.ValueKind == JsonValueKind.Array)
                    reasons.AddRange(mr.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetRawText()));
            }
            return (new BflPoll(status, Number(root, "progress"), sample, prompt, duration, details, reasons) { Seed = seed }, null);
        }
        catch (JsonException e)
        {
            return (null, $"poll response is not JSON: {e.Message}");
        }
    }

    private static bool IsHttpUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;
}
