using ImageBench.Catalog;
using ImageBench.Suites;

namespace ImageBench.Running;

/// <summary>
/// The prompt × model × repeat grid. Slots are ordered repeat-major, then prompt, then model, so an
/// interrupted or budget-capped run has compared every model on the same prompts so far.
/// </summary>
public sealed record RunPlan(Suite Suite, IReadOnlyList<ModelEntry> Models, int Repeat)
{
    public IReadOnlyList<PlannedSlot> Slots { get; } = Build(Suite, Models, Repeat);

    /// <summary>Estimated cost per model from catalog per-image prices; null when a model has no per-image price.</summary>
    public IReadOnlyDictionary<string, decimal?> EstimatedCostByModel() =>
        Models.ToDictionary(m => m.Id, m => CostCalculator.Estimate(m) is { } each ? each * Suite.Prompts.Count * Repeat : (decimal?)null);

    private static List<PlannedSlot> Build(Suite suite, IReadOnlyList<ModelEntry> models, int repeat)
    {
        var slots = new List<PlannedSlot>(suite.Prompts.Count * models.Count * repeat);
        for (var r = 0; r < repeat; r++)
            foreach (var prompt in suite.Prompts)
                foreach (var model in models)
                    slots.Add(new PlannedSlot(model, prompt, r));
        return slots;
    }
}
