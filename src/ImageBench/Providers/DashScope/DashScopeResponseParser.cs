using System.Globalization;
using System.Text.Json;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.DashScope;

/// <summary>One read of a DashScope task (submit answer, poll answer) or of a sync generation.</summary>
public sealed record DashScopeTask(
    string? TaskId, string? Status, Uri? ImageUrl, string? ActualPrompt, string? Code, string? Message,
    double? ServerMs, long? ImageCount, string? RequestId);

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
            return (new DashScopeTask(
                JsonRead.Text(output, "task_id"), status, url, JsonRead.Text(first, "actual_prompt"),
                JsonRead.Text(output, "code") ?? JsonRead.Text(first, "code"), JsonRead.Text(output, "message") ?? JsonRead.Text(first, "message"),
                ServerMs(JsonRead.Text(output, "scheduled_time"), JsonRead.Text(output, "end_time")),
                JsonRead.Long(JsonRead.Object(root, "usage"), "image_count"), JsonRead.Text(root, "request_id")), null);
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
            if (content is { ValueKind: JsonValueKind.Array } parts)
            {
                foreach (var part in parts.EnumerateArray())
                {
                    if (JsonRead.Text(part, "image") is not { } u) continue;
                    if (!SyncExchange.IsHttpUrl(u, out url)) return (null, "content image is not an http(s) URL");
                    break;
                }
            }
            if (url is null) return (null, "response has no output.choices[0].message.content[].image");
            return (new DashScopeTask(null, "SUCCEEDED", url, null, null, null, null,
                JsonRead.Long(JsonRead.Object(root, "usage"), "image_count"), JsonRead.Text(root, "request_id")), null);
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
