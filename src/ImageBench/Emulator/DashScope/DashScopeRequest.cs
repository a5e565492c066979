using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Emulator.DashScope;

/// <summary>A parsed DashScope body (either path): model, prompt and the "W*H" size.</summary>
internal sealed record DashScopeRequest(string Model, string Prompt, int Width, int Height)
{
    public static (DashScopeRequest? Request, JsonObject? Error) Parse(JsonElement root, bool sync)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("model", out var m) || m.ValueKind != JsonValueKind.String)
            return (null, DashScopeErrors.Body("InvalidParameter", "Model not exist."));
        var input = root.TryGetProperty("input", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
        var prompt = sync ? SyncPrompt(input) : input.ValueKind == JsonValueKind.Object && input.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        if (string.IsNullOrEmpty(prompt))
            return (null, DashScopeErrors.Body("InvalidParameter", sync ? "Input messages must contain text content." : "Field required: input.prompt"));
        int width = 1328, height = 1328;
        if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.String)
        {
            var parts = size.GetString()!.Split('*');
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out width) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out height)
                || width is < 256 or > 4096 || height is < 256 or > 4096)
                return (null, DashScopeErrors.Body("InvalidParameter", "The size is invalid; use the form width*height, e.g. 1328*1328."));
        }
        return (new DashScopeRequest(m.GetString()!, prompt, width, height), null);
    }

    private static string? SyncPrompt(JsonElement input)
    {
        if (input.ValueKind != JsonValueKind.Object || !input.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return null;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array) continue;
            foreach (var part in content.EnumerateArray())
            {
                if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) return t.GetString();
            }
        }
        return null;
    }
}

/// <summary>DashScope's error envelope {request_id, code, message}.</summary>
internal static class DashScopeErrors
{
    public static JsonObject Body(string code, string message) => new() { ["request_id"] = Guid.NewGuid().ToString(), ["code"] = code, ["message"] = message };

    /// <summary>Out of credit is a 400 "Arrearage" on DashScope.</summary>
    public static readonly Faults.ErrorShape Errors = Faults.ErrorShape.Json((kind, status, words) => kind switch
    {
        Faults.FaultKind.NoCredit => Body("Arrearage", "Access denied, please make sure your account is in good standing."),
        Faults.FaultKind.InvalidKey => Body("InvalidApiKey", "Invalid API-key provided."),
        _ => Body(status switch
        {
            429 => "Throttling.RateQuota",
            503 => "ServiceUnavailable",
            _ => "InternalError",
        }, words),
    }) with { NoCreditStatus = 400 };
}
