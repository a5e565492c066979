namespace ImageBench.Emulator;

public sealed record EmulatorOptions
{
    /// <summary>Multiplies every emulated duration (latency, Retry-After, slow bodies). 0 means no waiting at all.</summary>
    public double TimeScale { get; init; } = 1.0;
    /// <summary>Keyed by upstream model name ("gpt-image-2", "flux-pro-1.1", ...). Lookups ignore case.</summary>
    public IReadOnlyDictionary<string, ModelProfile> Profiles { get; init; } = new Dictionary<string, ModelProfile>();
    /// <summary>Used for any model not in <see cref="Profiles"/>.</summary>
    public ModelProfile DefaultProfile { get; init; } = new();
    /// <summary>0 picks a free port (the same port is used on both loopback addresses).</summary>
    public int Port { get; init; }
    public int Seed { get; init; } = 42;
    /// <summary>When true, calls without Authorization (OpenAI) or x-key (BFL) are rejected like the real APIs do.</summary>
    public bool RequireKey { get; init; } = true;
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The profiles measured in the article, at the given time scale.</summary>
    public static EmulatorOptions ArticleDefaults(double timeScale) => new()
    {
        TimeScale = timeScale,
        Profiles = ArticleProfiles.All,
        DefaultProfile = ArticleProfiles.Fallback,
    };

    internal ModelProfile ProfileFor(string model)
    {
        foreach (var (name, profile) in Profiles)
        {
            if (string.Equals(name, model, StringComparison.OrdinalIgnoreCase))
            {
                return profile;
            }
        }
        return DefaultProfile;
    }
}
