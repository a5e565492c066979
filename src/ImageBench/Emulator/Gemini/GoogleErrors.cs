using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Gemini;

/// <summary>Google's error envelope {"error":{code, message, status}} (shape per CONTRACTS.md §5, not captured).</summary>
internal static class GoogleErrors
{
    public static JsonObject Envelope(int code, string message, string status) => new()
    {
        ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status },
    };

    public static JsonObject Unregistered() => Envelope(403,
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        "PERMISSION_DENIED");

    public static JsonObject Invalid(string message) => Envelope(400, message, "INVALID_ARGUMENT");

    public static JsonObject ForFault(int status, string message) => status switch
    {
        429 => Envelope(429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED"),
        503 => Envelope(503, "The model is overloaded. Please try again later.", "UNAVAILABLE"),
        401 => Envelope(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT"),
        _ => Envelope(status, "Internal error encountered.", "INTERNAL"),
    };
}
