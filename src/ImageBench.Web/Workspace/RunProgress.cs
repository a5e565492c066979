using ImageBench.Attempts;
using ImageBench.Storage;

namespace ImageBench.Web.Workspace;

/// <summary>How far a run got, per model and in all: what the Runs page lists and the live view updates.</summary>
public sealed record RunProgress(IReadOnlyList<ModelProgress> Models, decimal SpentUsd, decimal? BudgetUsd)
{
    public int Done => Models.Sum(m => m.Done);
    public int Ok => Models.Sum(m => m.Ok);
    public int Failed => Models.Sum(m => m.Failed);
    public int InFlight => Models.Sum(m => m.InFlight);
    /// <summary>Null when the suite is not available to count the plan.</summary>
    public int? Planned => Models.All(m => m.Planned is not null) ? Models.Sum(m => m.Planned!.Value) : null;

    public static RunProgress Of(RunSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var catalog = Reporting.RunReportBuilder.CatalogOf(snapshot.Manifest);
        var ids = snapshot.Manifest.Models.Concat(snapshot.Slots.Select(s => s.Key.Model)).Distinct(StringComparer.Ordinal);
        var models = ids.Select(id =>
        {
            var mine = snapshot.Slots.Where(s => s.Key.Model == id).ToList();
            var done = mine.Where(s => s.Attempt is not null).Select(s => s.Attempt!).ToList();
            return new ModelProgress(
                id,
                catalog.GetValueOrDefault(id)?.Name ?? id,
                done.Count,
                done.Count(a => a.Outcome == AttemptOutcome.Ok),
                mine.Count(s => RunStatusRule.IsInFlight(s.Phase)),
                snapshot.PlannedPerModel + mine.Count(s => !snapshot.IsPlanned(s.Key)));
        }).ToList();
        // The same figure as the report's "Total spent": every stored cost, failed attempts that were charged included.
        var spent = snapshot.Attempts.Sum(a => a.CostUsd ?? 0);
        var budget = snapshot.Manifest.Parameters["budget_usd"] is System.Text.Json.Nodes.JsonValue b && b.TryGetValue<decimal>(out var usd) ? usd : (decimal?)null;
        return new RunProgress(models, spent, budget);
    }
}

/// <param name="Done">Slots with a stored attempt (OK or not).</param>
/// <param name="InFlight">Slots whose call was sent or whose job was submitted, with no attempt stored yet.</param>
public sealed record ModelProgress(string Id, string Name, int Done, int Ok, int InFlight, int? Planned)
{
    public int Failed => Done - Ok;
}
