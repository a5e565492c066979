namespace ImageBench.Scoring;

/// <summary>The scores of a run's images, and what follows from them per model.</summary>
public sealed class RunScores(IReadOnlyList<AttemptScores> attempts)
{
    public IReadOnlyList<AttemptScores> Attempts { get; } = attempts;

    public AttemptScores? For(string model, string promptId, int repeat) =>
        Attempts.FirstOrDefault(a => a.Attempt.Model == model && a.Attempt.PromptId == promptId && a.Attempt.Repeat == repeat);

    /// <summary>Model → capability → share of that capability's checks the model's images passed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> CapabilityScores() =>
        Attempts
            .SelectMany(a => a.Verdicts.Select(r => (a.Attempt.Model, Capability: Capabilities.Of(r), Passed: r.Passed == true)))
            .Where(x => x.Capability is not null)
            .GroupBy(x => x.Model)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.GroupBy(x => x.Capability!)
                .ToDictionary(c => c.Key, c => c.Average(x => x.Passed ? 1.0 : 0.0)));

    /// <summary>Share of a model's checked images that passed every check; null when none was checked.</summary>
    public double? PassRate(string model)
    {
        var checkedOnes = Attempts.Where(a => a.Attempt.Model == model && a.Acceptable is not null).ToList();
        return checkedOnes.Count == 0 ? null : checkedOnes.Count(a => a.Acceptable == true) / (double)checkedOnes.Count;
    }
}
