using System.Text.Json.Nodes;

namespace ImageBench.Emulator.OpenAI;

/// <summary>OpenAI's error envelope: {"error":{message,type,param,code}}.</summary>
internal static class OpenAIErrors
{
    public static JsonObject Envelope(string message, string type, string? param, string? code) => new()
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["param"] = param,
            ["code"] = code,
        },
    };

    /// <summary>Shape recorded in fixtures/openai/openai-dotnet/ImagesTests__GenerateImageCanParseServiceError.json.</summary>
    public static JsonObject MissingKey() => Envelope(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        "invalid_request_error", null, "invalid_api_key");

    public static JsonObject Invalid(string message, string? param, string? code) => Envelope(message, "invalid_request_error", param, code);

    public static JsonObject RateLimited(string model) => Envelope(
        $"Rate limit reached for {model} in organization org-emulator on images per min (IPM): Limit 5, Used 5, Requested 1. Please try again later.",
        "requests", null, "rate_limit_exceeded");

    public static JsonObject ServerError() => Envelope(
        "The server had an error while processing your request. Sorry about that!", "server_error", null, null);

    public static JsonObject Unavailable() => Envelope(
        "The engine is currently overloaded, please try again later.", "server_error", null, "service_unavailable");

    /// <summary>A key that is present but not valid (the real message shows the key's last four characters).</summary>
    public static JsonObject InvalidKey() => Envelope(
        "Incorrect API key provided: sk-...mula. You can find your API key at https://platform.openai.com/account/api-keys.",
        "invalid_request_error", null, "invalid_api_key");

    /// <summary>Out of credit: OpenAI answers 429 with this code, which no retry cures.</summary>
    public static JsonObject InsufficientQuota() => Envelope(
        "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
        "insufficient_quota", null, "insufficient_quota");

    public static JsonObject ModerationBlocked(string category, string requestId)
    {
        var envelope = Envelope(
            $"Your request was rejected by the safety system. If you believe this is an error, contact us at help.openai.com and include the request ID {requestId}. safety_violations=[{category}].",
            "image_generation_user_error", null, "moderation_blocked");
        envelope["error"]!["moderation_details"] = new JsonObject
        {
            ["moderation_stage"] = "input",
            ["categories"] = new JsonArray(category),
        };
        return envelope;
    }
}
