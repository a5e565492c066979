using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// How one protocol family words an error: the body for a fault kind, HTTP status and default words, and its
/// Content-Type. Each family supplies one; the fault machinery is shared.
/// </summary>
internal sealed record ErrorShape(Func<FaultKind, int, string, byte[]> Body, string ContentType = "application/json")
{
    /// <summary>The status a family answers "out of credit" with (OpenAI: 429 insufficient_quota).</summary>
    public int NoCreditStatus { get; init; } = 402;

    /// <summary>A JSON envelope that may word some fault kinds its own way.</summary>
    public static ErrorShape Json(Func<FaultKind, int, string, JsonNode> body, string contentType = "application/json") =>
        new((kind, status, words) => ResponseWriter.Utf8(body(kind, status, words)), contentType);

    /// <summary>A JSON envelope whose errors differ only in status and words.</summary>
    public static ErrorShape Words(Func<int, string, JsonNode> body, string contentType = "application/json") =>
        Json((_, status, words) => body(status, words), contentType);
}
