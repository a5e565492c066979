using System.Globalization;
using System.Text.Json.Nodes;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.DashScope;

/// <summary>
/// Bodies for DashScope text-to-image. Async (default): {model, input:{prompt, negative_prompt?}, parameters:
/// {size "W*H" (asterisk, not x), n 1, …}}. Sync (catalog option <c>mode: sync</c>, the multimodal-generation
/// path used by qwen-image-max / qwen-image-2.0): the prompt travels as a chat message instead.
/// </summary>
public static class DashScopeRequestBody
{
    /// <summary>Catalog option choosing the protocol: "async" (task + poll, default) or "sync" (multimodal-generation).</summary>
    public const string ModeOption = "mode";

    private static readonly HashSet<string> Reserved = ["model", "prompt", "n", "size", ModeOption];
    private static readonly HashSet<string> Integers = ["seed", "steps"];
    private static readonly HashSet<string> Numbers = ["guidance", "cfg_scale"];

    public static bool IsSync(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(ModeOption, out var mode) && string.Equals(mode, "sync", StringComparison.OrdinalIgnoreCase);
    }

    public static string Size(int width, int height) => string.Create(CultureInfo.InvariantCulture, $"{width}*{height}");

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sync = IsSync(request);
        var input = sync
            ? new JsonObject
            {
                ["messages"] = new JsonArray(new JsonObject
                {
                    ["role"] = "user",
                    ["content"] = new JsonArray(new JsonObject { ["text"] = request.Prompt }),
                }),
            }
            : new JsonObject { ["prompt"] = request.Prompt };
        var parameters = new JsonObject { ["size"] = Size(request.Width, request.Height), ["n"] = 1 };
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            // The async API reads negative_prompt from input; the sync one from parameters.
            if (key == "negative_prompt" && !sync) input[key] = value;
            else parameters[key] = JsonRead.Option(key, value, Integers, Numbers);
        }
        return new JsonObject { ["model"] = request.Model.Upstream, ["input"] = input, ["parameters"] = parameters };
    }
}
