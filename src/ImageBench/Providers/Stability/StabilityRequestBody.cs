using System.Text.Json.Nodes;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Stability;

/// <summary>
/// The multipart fields for POST /v2beta/stable-image/generate/{mode}. The catalog's upstream picks the mode:
/// "stable-image-ultra" → ultra, "stable-image-core" → core, "sd3…" (sd3.5-large, sd3.5-medium…) → sd3 with
/// model = upstream. Pixels are not accepted, so the request's W×H becomes the nearest allowed aspect_ratio.
/// Options other than <see cref="AcceptOption"/> are sent as given (negative_prompt, seed, style_preset…).
/// </summary>
public static class StabilityRequestBody
{
    /// <summary>Catalog option choosing the answer form: "image/*" (raw bytes, the default) or "application/json".</summary>
    public const string AcceptOption = "accept";

    private static readonly (string Ratio, double Value)[] Ratios =
    [
        ("21:9", 21 / 9.0), ("16:9", 16 / 9.0), ("3:2", 1.5), ("5:4", 1.25), ("1:1", 1), ("4:5", 0.8), ("2:3", 2 / 3.0), ("9:16", 9 / 16.0), ("9:21", 9 / 21.0),
    ];

    private static readonly HashSet<string> Reserved = ["prompt", AcceptOption];

    public static JsonObject Build(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new JsonObject
        {
            ["prompt"] = request.Prompt,
            ["aspect_ratio"] = NearestRatio(request.Width, request.Height),
            ["output_format"] = "png",
        };
        if (Mode(request.Model.Upstream) == "sd3") fields["model"] = request.Model.Upstream;
        foreach (var (key, value) in request.Options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (Reserved.Contains(key)) continue;
            fields[key] = value;
        }
        return fields;
    }

    public static string Mode(string upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        if (upstream.StartsWith("sd3", StringComparison.OrdinalIgnoreCase)) return "sd3";
        if (upstream.Contains("ultra", StringComparison.OrdinalIgnoreCase)) return "ultra";
        if (upstream.Contains("core", StringComparison.OrdinalIgnoreCase)) return "core";
        return upstream;
    }

    public static bool WantsJson(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(AcceptOption, out var accept) && accept.Contains("json", StringComparison.OrdinalIgnoreCase);
    }

    public static string NearestRatio(int width, int height)
    {
        var target = Math.Log((double)width / height);
        return Ratios.MinBy(r => Math.Abs(Math.Log(r.Value) - target)).Ratio;
    }
}
