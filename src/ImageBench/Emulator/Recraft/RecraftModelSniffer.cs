using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Recraft;

/// <summary>
/// Recraft and OpenAI share the path /v1/images/generations. A run rebased onto the emulator (--emulator) points
/// every model at the bare root, so the shared path is dispatched by the body's model name: recraft* goes to
/// Recraft. The body is buffered and rewound, so the chosen endpoint reads it as if untouched.
/// </summary>
internal static class RecraftModelSniffer
{
    public static async Task<bool> IsRecraftAsync(HttpContext ctx)
    {
        ctx.Request.EnableBuffering();
        try
        {
            using var doc = await JsonDocument.ParseAsync(ctx.Request.Body, default, ctx.RequestAborted).ConfigureAwait(false);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                   && doc.RootElement.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
                   && model.GetString()!.StartsWith("recraft", StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ctx.Request.Body.Position = 0;
        }
    }
}
