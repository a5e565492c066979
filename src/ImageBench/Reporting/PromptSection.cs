using ImageBench.Attempts;

namespace ImageBench.Reporting;

/// <summary>One prompt of the run with what it expects and what each model produced.</summary>
/// <param name="Text">The prompt; null when the suite was not available to the report.</param>
/// <param name="Expectations">Human-readable lines ("Text: \"MORNING BREW\" (top)", "Objects: croissant ×3").</param>
public sealed record PromptSection(
    string Id, string? Text, IReadOnlyList<string> Expectations, IReadOnlyList<PromptEntry> Entries)
{
    /// <summary>The "Read:" lines: per model what passed and failed, typos, judge counts, then the best model here.</summary>
    public IReadOnlyList<string> Read { get; init; } = [];
}

/// <summary>One attempt of one model at one prompt, formatted for reading.</summary>
/// <param name="ImagePath">Relative to the run directory (where the reports are written), or null with no image.</param>
/// <param name="ImageFacts">"PNG · 1024×1024 · 1.6 MB", or null with no image.</param>
public sealed record PromptEntry(
    string Model,
    string ModelName,
    int Repeat,
    AttemptOutcome Outcome,
    string Latency,
    string? ImagePath,
    string? ImageFacts,
    string? RevisedPrompt,
    string? Reason,
    int Retries)
{
    /// <summary>What the scorers found, one line each ("text ✗ EVERY → EYERY"); empty when not scored.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>The seed the provider says it used, so the image can be re-rolled; null when it reports none.</summary>
    public string? Seed { get; init; }

    /// <summary>"2 images returned for the 1 asked: …" when the call sent more than asked; null otherwise.</summary>
    public string? ImagesNote { get; init; }

    /// <summary>Stored images beyond the first (relative paths), in the answer's order.</summary>
    public IReadOnlyList<string> ExtraImagePaths { get; init; } = [];
}
