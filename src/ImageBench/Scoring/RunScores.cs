namespace ImageBench.Scoring;

/// <summary>The scores of a run's images, and what follows from them per model.</summary>
public sealed class RunScores
{
    // Reports look up one attempt's scores per image: a scan per lookup made a 10,000-image report quadratic.
    private readonly Dictionary<(string Model, string PromptId, int Repeat), AttemptScores> bySlot;

    public RunScores(IReadOnlyList<AttemptScores> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        Attempts = attempts;
        bySlot = new Dictionary<(string, string, int), AttemptScores>(attempts.Count);
        // The first one wins, as the scan this replaces did.
        foreach (var a in attempts) bySlot.TryAdd((a.Attempt.Model, a.Attempt.PromptId, a.Attempt.Repeat), a);
    }

    public IReadOnlyList<AttemptScores> Attempts { get; }

    public AttemptScores? For(string model, string promptId, int repeat) =>
        bySlot.GetValueOrDefault((model, promptId, repeat));

    /// <summary>Model → capability → share of that capability's checks the model's images passed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> CapabilityScores() =>
        CapabilityTallies().ToDictionary(
            m => m.Key,
            m => (IReadOnlyDictionary<string, double>)m.Value.ToDictionary(c => c.Key, c => c.Value.Share));

    /// <summary>Model → capability → passed and checked counts (a judge's capability verdict counts as one check).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, CheckTally>> CapabilityTallies() =>
        Attempts
            .SelectMany(a => a.Results.SelectMany(Capabilities.VerdictsOf).Select(v => (a.Attempt.Model, v.Capability, v.Passed)))
            .GroupBy(x => x.Model)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, CheckTally>)g.GroupBy(x => x.Capability)
                .ToDictionary(c => c.Key, c => new CheckTally(c.Count(x => x.Passed), c.Count())));

    /// <summary>
    /// Seed diversity of a model: per prompt with two or more hashed images, the mean pairwise Hamming distance of
    /// their perceptual hashes (0 = the same picture each time, ~32 = unrelated pictures), averaged over those
    /// prompts; null when no prompt has two images (repeat 1).
    /// </summary>
    public (double MeanBits, int Prompts)? SeedDiversity(string model)
    {
        var perPrompt = Attempts.Where(a => a.Attempt.Model == model)
            .GroupBy(a => a.Attempt.PromptId)
            .Select(g => Image.SeedDiversity.MeanHammingDistance(g.SelectMany(a => a.Results).Select(Image.PerceptualHashScorer.HashOf).OfType<ulong>().ToList()))
            .OfType<double>()
            .ToList();
        return perPrompt.Count == 0 ? null : (perPrompt.Average(), perPrompt.Count);
    }

    /// <summary>Checks of a model's images (all models when null) left out of pass rates because they need a look.</summary>
    public int NeedsALook(string? model = null) =>
        Attempts.Where(a => model is null || a.Attempt.Model == model).Sum(a => a.Results.Count(r => r.NeedsALook));

    /// <summary>Share of a model's checked images that passed every check; null when none was checked.</summary>
    public double? PassRate(string model)
    {
        var checkedOnes = Attempts.Where(a => a.Attempt.Model == model && a.Acceptable is not null).ToList();
        return checkedOnes.Count == 0 ? null : checkedOnes.Count(a => a.Acceptable == true) / (double)checkedOnes.Count;
    }
}

/// <summary>How many checks passed out of how many were made.</summary>
public readonly record struct CheckTally(int Passed, int Checked)
{
    public double Share => Checked == 0 ? 0 : Passed / (double)Checked;

    public static CheckTally operator +(CheckTally a, CheckTally b) => new(a.Passed + b.Passed, a.Checked + b.Checked);
}
