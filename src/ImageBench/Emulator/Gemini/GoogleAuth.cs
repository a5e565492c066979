using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Gemini;

/// <summary>Gemini API keys travel in x-goog-api-key (or ?key=); Vertex takes an OAuth bearer token.</summary>
internal static class GoogleAuth
{
    public static bool HasCredential(HttpContext ctx)
    {
        if (!string.IsNullOrEmpty(ctx.Request.Headers["x-goog-api-key"]) || !string.IsNullOrEmpty(ctx.Request.Query["key"])) return true;
        string auth = ctx.Request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) && auth.Length > "Bearer ".Length;
    }
}
