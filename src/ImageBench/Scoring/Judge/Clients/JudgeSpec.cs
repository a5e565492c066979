using ImageBench.Configuration;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// A judge named on the command line: "openai:&lt;model&gt;", "openrouter:&lt;model&gt;", "gemini:&lt;model&gt;" or "emulated"
/// ("emulated:&lt;name&gt;" also works). Only the first colon splits, so OpenRouter ids such as
/// "meta-llama/llama-3.2-11b-vision-instruct:free" survive.
/// </summary>
public sealed record JudgeSpec(string Provider, string Model)
{
    public const string OpenAI = "openai";
    public const string OpenRouter = "openrouter";
    public const string Gemini = "gemini";
    public const string Emulated = "emulated";

    /// <summary>True for the emulator's judge: reports must label its answers as emulation, not measurement.</summary>
    public bool IsEmulated => Provider == Emulated;

    /// <summary>"openai:gpt-4.1-mini", or "emulated (imagebench-emulated-judge)" so nobody mistakes it for a real judge.</summary>
    public string Label => IsEmulated ? $"emulated ({Model})" : $"{Provider}:{Model}";

    public static JudgeSpec Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var provider = (colon < 0 ? text : text[..colon]).ToLowerInvariant();
        var model = colon < 0 ? "" : text[(colon + 1)..].Trim();
        if (provider == Emulated) return new JudgeSpec(Emulated, model.Length > 0 ? model : "imagebench-emulated-judge");
        if (provider is not (OpenAI or OpenRouter or Gemini))
            throw new InputException($"unknown judge '{spec}': use openai:<model>, openrouter:<model>, gemini:<model> or emulated");
        if (model.Length == 0)
            throw new InputException($"judge '{spec}' names no model: write it as {provider}:<model>, e.g. {Example(provider)}");
        return new JudgeSpec(provider, model);
    }

    private static string Example(string provider) => provider switch
    {
        OpenAI => "openai:gpt-4.1-mini",
        OpenRouter => "openrouter:google/gemini-2.5-flash",
        _ => "gemini:gemini-2.5-flash",
    };
}
