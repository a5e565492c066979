namespace ImageBench.Suites;

/// <summary>A named set of prompts. <see cref="Sha256"/> is the hash of the file's bytes, recorded in each run's manifest.</summary>
public sealed record Suite
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<PromptSpec> Prompts { get; init; }
    public required string Path { get; init; }
    public required string Sha256 { get; init; }
}
