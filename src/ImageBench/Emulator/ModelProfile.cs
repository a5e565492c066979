namespace ImageBench.Emulator;

/// <summary>How one emulated upstream model behaves.</summary>
public sealed record ModelProfile
{
    public LatencyProfile Latency { get; init; } = LatencyProfile.Instant;
    /// <summary>png, jpeg or webp: the format served when the request does not name one.</summary>
    public string ImageFormat { get; init; } = "png";
    /// <summary>Probability, per double-quoted string in the prompt, that one letter is drawn as a look-alike.</summary>
    public double TypoRate { get; init; }
    public FailureInjection Failures { get; init; } = new();
    /// <summary>When set, encoded images are padded to about this many bytes (the benchmark's 1 MB images).</summary>
    public int? ImageBytesTarget { get; init; }
    /// <summary>How this model departs from a prompt's objects (the emulated judge reports them; docs/emulator.md).</summary>
    public IReadOnlyList<Scenes.SceneDeviation> SceneDeviations { get; init; } = [];
    /// <summary>Probability, per counted object without a deviation, that it is drawn one too many or one too few.</summary>
    public double CountSlipRate { get; init; }
}
