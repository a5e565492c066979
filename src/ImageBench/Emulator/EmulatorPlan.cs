using System.Globalization;
using ImageBench.Running;

namespace ImageBench.Emulator;

/// <summary>The calls a plan will make, as the emulator needs them to render their images ahead of time.</summary>
public static class EmulatorPlan
{
    public static IEnumerable<EmulatorCall> CallsOf(RunPlan plan) => plan.Slots.Select(s => new EmulatorCall(
        s.Model.Provider == "bfl" ? EmulatorCall.Bfl : s.Model.Provider == "openai" ? EmulatorCall.OpenAI : s.Model.Provider,
        s.Model.Upstream, s.Prompt.Text, s.Model.DefaultWidth, s.Model.DefaultHeight,
        s.Model.Options.GetValueOrDefault("output_format"),
        int.TryParse(s.Model.Options.GetValueOrDefault("output_compression"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : null));
}
