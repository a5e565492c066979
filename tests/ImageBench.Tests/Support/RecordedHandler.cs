using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Tests.Support;

/// <summary>A request the adapter sent, flattened for assertions (header names case-insensitive).</summary>
public sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public JsonObject BodyJson => JsonNode.Parse(Body ?? "null") as JsonObject ?? throw new InvalidOperationException("request body is not a JSON object");
}

/// <summary>One canned answer. <paramref name="ServerTime"/> is added to the fake clock before answering.</summary>
public sealed record Reply(
    HttpStatusCode Status,
    Func<HttpContent?> Content,
    IReadOnlyDictionary<string, string>? Headers = null,
    Uri? ExpectedUri = null,
    HttpMethod? ExpectedMethod = null,
    TimeSpan ServerTime = default,
    Exception? Throw = null);

/// <summary>
/// Replays recorded HTTP exchanges in order (openai-dotnet SessionRecord files or hand-made replies) and keeps
/// every request the adapter made. A request that does not match the recording fails the test loudly.
/// </summary>
public sealed class RecordedHandler : HttpMessageHandler
{
    private readonly Queue<Reply> _replies = new();
    private readonly SteppingClock? _clock;

    public RecordedHandler(SteppingClock? clock = null) => _clock = clock;

    public List<CapturedRequest> Requests { get; } = [];

    /// <summary>Runs as each request arrives, before the reply (for "was X already done?" checks).</summary>
    public Action<CapturedRequest>? OnRequest { get; set; }

    public int Remaining => _replies.Count;

    public RecordedHandler Enqueue(Reply reply)
    {
        _replies.Enqueue(reply);
        return this;
    }

    public RecordedHandler Json(HttpStatusCode status, string json, Uri? expectedUri = null, TimeSpan serverTime = default,
        IReadOnlyDictionary<string, string>? headers = null) =>
        Enqueue(new Reply(status, () => new StringContent(json, Encoding.UTF8, "application/json"), headers, expectedUri, null, serverTime));

    public RecordedHandler Bytes(byte[] bytes, string contentType, Uri? expectedUri = null, TimeSpan serverTime = default) =>
        Enqueue(new Reply(HttpStatusCode.OK, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            return content;
        }, null, expectedUri, HttpMethod.Get, serverTime));

    /// <summary>Loads the entries of an openai-dotnet SessionRecord whose request URI passes <paramref name="include"/>.</summary>
    public RecordedHandler SessionRecord(string path, Func<string, bool>? include = null, TimeSpan serverTime = default)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var entry in doc.RootElement.GetProperty("Entries").EnumerateArray())
        {
            var uri = entry.GetProperty("RequestUri").GetString()!;
            if (include is not null && !include(uri)) continue;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in entry.GetProperty("ResponseHeaders").EnumerateObject())
                headers[h.Name] = h.Value.ValueKind == JsonValueKind.Array ? string.Join(", ", h.Value.EnumerateArray().Select(v => v.GetString())) : h.Value.GetString()!;
            var body = entry.TryGetProperty("ResponseBody", out var b) && b.ValueKind != JsonValueKind.Null ? b.GetRawText() : "";
            var contentType = headers.GetValueOrDefault("Content-Type") ?? "application/json";
            Enqueue(new Reply((HttpStatusCode)entry.GetProperty("StatusCode").GetInt32(),
                () => new StringContent(body, Encoding.UTF8, contentType.Split(';')[0]), headers,
                new Uri(uri), new HttpMethod(entry.GetProperty("RequestMethod").GetString()!), serverTime));
        }
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in request.Headers) headers[h.Key] = string.Join(", ", h.Value);
        string? body = null;
        if (request.Content is not null)
        {
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(", ", h.Value);
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }
        var captured = new CapturedRequest(request.Method, request.RequestUri!, headers, body);
        Requests.Add(captured);
        OnRequest?.Invoke(captured);

        if (!_replies.TryDequeue(out var reply))
            throw new InvalidOperationException($"unexpected request #{Requests.Count}: {request.Method} {request.RequestUri}");
        if (reply.ExpectedUri is not null && reply.ExpectedUri != request.RequestUri)
            throw new InvalidOperationException($"request #{Requests.Count} went to {request.RequestUri}, the recording expects {reply.ExpectedUri}");
        if (reply.ExpectedMethod is not null && reply.ExpectedMethod != request.Method)
            throw new InvalidOperationException($"request #{Requests.Count} used {request.Method}, the recording expects {reply.ExpectedMethod}");
        if (reply.ServerTime > TimeSpan.Zero) _clock?.Advance(reply.ServerTime);
        if (reply.Throw is not null) throw reply.Throw;

        var response = new HttpResponseMessage(reply.Status) { RequestMessage = request, Content = reply.Content() ?? new ByteArrayContent([]) };
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            // Content-Length is recomputed from the replayed body; recorded values describe the original bytes.
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) continue;
            if (!response.Headers.TryAddWithoutValidation(name, value))
                response.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }
}
