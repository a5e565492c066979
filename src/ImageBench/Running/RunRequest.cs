namespace ImageBench.Running;

/// <summary>Everything <c>imagebench run</c> was asked, as typed.</summary>
public sealed record RunRequest
{
    public string? SuitePath { get; init; }
    public string? ModelsFile { get; init; }
    public IReadOnlyList<string> Models { get; init; } = [];
    public int Repeat { get; init; } = 1;
    public required string OutDir { get; init; }
    public bool Resume { get; init; }
    public decimal? BudgetUsd { get; init; }
    public bool DryRun { get; init; }
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Fail (exit 1) when more than this share of attempts did not produce an image.</summary>
    public double? FailAbove { get; init; }
    /// <summary>The checklist judge, recorded in the manifest so <c>score</c> and <c>report</c> find its answers; null: none.</summary>
    public Scoring.Judge.JudgeSettings? Judge { get; init; }
}
