using System.Globalization;
using ImageBench.Running;

namespace ImageBench.Emulator;

/// <summary>The calls a plan will make, as the emulator needs them to render their images ahead of time.</summary>
public static class EmulatorPlan
{
    public static IEnumerable<EmulatorCall> CallsOf(RunPlan plan) => plan.Slots.Select(s => new EmulatorCall(
        s.Model.Provider switch
        {
            "bfl" => EmulatorCall.Bfl,
            "fal" => EmulatorCall.Fal,
            "replicate" => EmulatorCall.Replicate,
            "gemini" => EmulatorCall.Gemini,
            "imagen" => EmulatorCall.Imagen,
            "openai" => EmulatorCall.OpenAI,
            var other => other,
        },
        s.Model.Upstream, s.Prompt.Text, s.Model.DefaultWidth, s.Model.DefaultHeight,
        s.Model.Options.GetValueOrDefault("output_format"),
        int.TryParse(s.Model.Options.GetValueOrDefault("output_compression"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : null));
}
