using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Bfl;

/// <summary>BFL runs on FastAPI: errors are {"detail": ...}; validation errors are a list of {loc,msg,type}.</summary>
internal static class BflErrors
{
    public static JsonObject Detail(string message) => new() { ["detail"] = message };

    public static JsonObject Validation(string field, string type, string message, JsonNode? input) => new()
    {
        ["detail"] = new JsonArray(new JsonObject
        {
            ["loc"] = new JsonArray("body", field),
            ["msg"] = message,
            ["type"] = type,
            ["input"] = input,
        }),
    };

    /// <summary>The skills-repo shape (illustrative, unverified against the live API).</summary>
    public static JsonObject RateLimited(double retryAfterSeconds) => new()
    {
        ["error"] = "rate_limit_exceeded",
        ["message"] = "You have exceeded the number of active tasks. Please wait and retry.",
        ["retry_after"] = Math.Ceiling(retryAfterSeconds),
    };
}
