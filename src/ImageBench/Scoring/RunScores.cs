using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>The scores of a run's images, and what follows from them per model.</summary>
public sealed class RunScores(IReadOnlyList<AttemptScores> attempts)
{
    public IReadOnlyList<AttemptScores> Attempts { get; } = attempts;

    public AttemptScores? For(string model, string promptId, int repeat) =>
        Attempts.FirstOrDefault(a => a.Attempt.Model == model && a.Attempt.PromptId == promptId && a.Attempt.Repeat == repeat);

    /// <summary>Model → capability → mean pass fraction, over prompts tagged for the capability.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> CapabilityScores(Suite suite)
    {
        var prompts = suite.Prompts.ToDictionary(p => p.Id);
        return Attempts
            .Where(a => a.PassFraction is not null && prompts.ContainsKey(a.Attempt.PromptId))
            .SelectMany(a => Capabilities.Of(prompts[a.Attempt.PromptId]).Select(c => (a.Attempt.Model, Capability: c, Score: a.PassFraction!.Value)))
            .GroupBy(x => x.Model)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.GroupBy(x => x.Capability).ToDictionary(c => c.Key, c => c.Average(x => x.Score)));
    }

    /// <summary>Share of a model's checked images that passed every check; null when none was checked.</summary>
    public double? PassRate(string model)
    {
        var checkedOnes = Attempts.Where(a => a.Attempt.Model == model && a.Acceptable is not null).ToList();
        return checkedOnes.Count == 0 ? null : checkedOnes.Count(a => a.Acceptable == true) / (double)checkedOnes.Count;
    }
}
