using System.Globalization;
using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.DashScope;

/// <summary>One read of a DashScope task (submit answer, poll answer) or of a sync generation.</summary>
public sealed record DashScopeTask(
    string? TaskId, string? Status, Uri? ImageUrl, string? ActualPrompt, string? Code, string? Message,
    double? ServerMs, long? ImageCount, string? RequestId)
{
    /// <summary>Image URLs after the first (results[1..], or later content[].image parts), kept with the task.</summary>
    public IReadOnlyList<ExtraImageSource> Extras { get; init; } = [];
}

/// <summary>Pure reading of DashScope bodies. Garbage yields a reason (InvalidResponse), never an exception.</summary>
public static class DashScopeResponseParser
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm:ss.FFF", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Submit and poll answers: {request_id, output:{task_id, task_status, results[], code, message, …}, usage}.</summary>
    public static (DashScopeTask? Task, string? Failure) ParseTask(ReadOnlySpan<byte> body)
    {
        var (doc, failure) = JsonRead.Parse(body, "task answer");
        if (doc is null) return (null, failure);
        using (doc)
        {
            var root = doc.RootElement;
            if (JsonRead.Object(root, "output") is not { } output) return (null, "task answer has no output");
            var status = JsonRead.Text(output, "task_status");
            if (status is null) return (null, "task answer has no output.task_status");
            var first = JsonRead.First(output, "results");
            Uri? url = null;
            if (JsonRead.Text(first, "url") is { } u && !SyncExchange.IsHttpUrl(u, out url)) return (null, "results[0].url is not an http(s) URL");
            // A result that failed its own inspection has a code and no url: no image came back for it.
            var extras = ExtraImages.AfterFirst(JsonRead.Child(output, "results"),
                (r, i) => JsonRead.Text(r, "url") is { } link ? new ExtraImageSource($"results[{i}].url", null, link) : null);
            return (new DashScopeTask(
                JsonRead.Text(output, "task_id"), status, url, JsonRead.Text(first, "actual_prompt"),
                JsonRead.Text(output, "code") ?? JsonRead.Text(first, "code"), JsonRead.Text(output, "message") ?? JsonRead.Text(first, "message"),
                ServerMs(JsonRead.Text(output, "scheduled_time"), JsonRead.Text(output, "end_time")),
                JsonRead.Long(JsonRead.Object(root, "usage"), "image_count"), JsonRead.Text(root, "request_id")) { Extras = extras }, null);
        }
    }

    /// <summary>Sync answers: output.choices[0].message.content[] holding {image: url}.</summary>
    public static (DashScopeTask? Task, string? Failure) ParseSync(ReadOnlySpan<byte> body)
    {
        var (doc, failure) = JsonRead.Parse(body, "response");
        if (doc is null) return (null, failure);
        using (doc)
        {
            var root = doc.RootElement;
            var output = JsonRead.Object(root, "output");
            var content = JsonRead.Child(JsonRead.Object(JsonRead.First(output, "choices"), "message"), "content");
            Uri? url = null;
            var extras = new List<ExtraImageSource>();
            if (content is { ValueKind: JsonValueKind.Array } parts)
            {
                for (var i = 0; i < parts.GetArrayLength(); i++)
                {
                    if (JsonRead.Text(parts[i], "image") is not { } u) continue;
                    if (url is not null) extras.Add(new ExtraImageSource($"content[{i}].image", null, u));
                    else if (!SyncExchange.IsHttpUrl(u, out url)) return (null, "content image is not an http(s) URL");
                }
            }
            if (url is null) return (null, "response has no output.choices[0].message.content[].image");
            return (new DashScopeTask(null, "SUCCEEDED", url, null, null, null, null,
                JsonRead.Long(JsonRead.Object(root, "usage"), "image_count"), JsonRead.Text(root, "request_id")) { Extras = extras }, null);
        }
    }

    /// <summary>
    /// Time the task ran on the server: end_time − scheduled_time. Both are local wall-clock strings without a zone
    /// ("2025-01-08 16:03:59.840", Beijing time), so the zone cancels out in the difference.
    /// </summary>
    public static double? ServerMs(string? scheduled, string? end)
    {
        if (!TryTime(scheduled, out var start) || !TryTime(end, out var stop) || stop < start) return null;
        return (stop - start).TotalMilliseconds;
    }

    private static bool TryTime(string? text, out DateTime value)
    {
        value = default;
        return text is not null && DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
