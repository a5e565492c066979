namespace ImageBench.Scoring.Judge;

/// <summary>The judge's final word on one checklist item, over every sample that parsed.</summary>
/// <param name="Answer">"yes", "no", "unsure", or <see cref="ChecklistAggregator.ParentNo"/> when a parent was "no".</param>
/// <param name="Judged">The majority of the samples before the dependency rule ("yes" even when zeroed by a parent).</param>
/// <param name="Agreement">Share of samples that gave the most common answer (for a tie, the tied share).</param>
/// <param name="Counts">The counts the samples reported, for items with <see cref="ChecklistItem.CountOf"/>.</param>
/// <param name="Count">Median of <paramref name="Counts"/>; null when none was reported.</param>
public sealed record ItemVerdict(ChecklistItem Item, string Answer, string Judged, int Yes, int No, int Unsure, double Agreement, IReadOnlyList<int> Counts, double? Count)
{
    /// <summary>DSG scoring: 1 for a final "yes", 0 for anything else ("unsure" and a zeroed child included).</summary>
    public double Score => Answer == JudgeProtocol.Yes ? 1.0 : 0.0;
}

/// <summary>A checklist scored: per item verdicts and what follows from them.</summary>
public sealed record ChecklistVerdict(IReadOnlyList<ItemVerdict> Items)
{
    /// <summary>Mean item score, 0..1 (DSG score).</summary>
    public double Dsg => Items.Count == 0 ? 0 : Items.Average(i => i.Score);

    /// <summary>Mean over items of the samples' agreement: 1 when every sample answered every item alike.</summary>
    public double Agreement => Items.Count == 0 ? 1 : Items.Average(i => i.Agreement);

    public int UnsureCount => Items.Count(i => i.Answer == JudgeProtocol.Unsure);

    public bool Passed => Items.All(i => i.Answer == JudgeProtocol.Yes);
}
