using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Ideogram;
using ImageBench.Emulator.Stability;
using ImageBench.Providers.Stability;

namespace ImageBench.Emulator;

/// <summary>
/// What every endpoint but OpenAI's and BFL's will render for a planned call (model, pixels, format, quality), so PrewarmAsync
/// renders exactly those images. The mapping mirrors each endpoint and each adapter's request body.
/// </summary>
internal static class PrewarmShapes
{
    public static (string Model, int Width, int Height, string Format, int Quality)? For(EmulatorCall call, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(options);
        // fal, Replicate and the Google endpoints draw at the size their adapters ask for, always at quality 90.
        if (PrewarmSizes.For(call) is { } asked)
            return (call.Model, asked.Width, asked.Height, asked.Format ?? options.ProfileFor(call.Model).ImageFormat, 90);
        var (model, width, height, format) = call.Protocol switch
        {
            "openrouter" => (call.Model, 1024, 1024, (string?)null),
            "dashscope" or "ark" or "recraft" => (call.Model, call.Width, call.Height, null),
            "ideogram" => (IdeogramGenerateEndpoint.Model, call.Width, call.Height, null),
            "stability" => StabilityShape(call),
            _ => ((string?)null, 0, 0, (string?)null),
        };
        if (model is null) return null;
        format ??= options.ProfileFor(model).ImageFormat;
        return (model, width, height, format, EmulatedCall.QualityFor(format));
    }

    private static (string?, int, int, string?) StabilityShape(EmulatorCall call)
    {
        var mode = StabilityRequestBody.Mode(call.Model);
        var model = mode == "sd3" ? call.Model : "stable-image-" + mode;
        var size = StabilityGenerateEndpoint.Dimensions(StabilityRequestBody.NearestRatio(call.Width, call.Height));
        return size is { } s ? (model, s.Width, s.Height, call.OutputFormat ?? "png") : (null, 0, 0, null);
    }
}
