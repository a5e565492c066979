using System.Globalization;
using ImageBench.Reporting;
using ImageBench.Web.Workspace;

namespace ImageBench.Web.Live;

/// <summary>The live view's sentences, made on the server so the page and the stream format numbers alike.</summary>
public static class LiveLines
{
    /// <summary>"GPT Image 2 · coffee-poster · ok in 5.90 s · $0.03 (catalog)".</summary>
    public static string Line(PromptEntry entry, string promptId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var repeat = entry.Repeat > 0 ? $" (repeat {entry.Repeat + 1})" : "";
        var cost = entry.Cost is null ? "" : $" · {entry.Cost}";
        return $"{entry.ModelName} · {promptId}{repeat} · {entry.OutcomeAndTime}{cost}";
    }

    /// <summary>"Running: 5 of 12 attempts done (4 OK, 1 failed), 2 in flight · $0.15 spent of a $1.00 budget".</summary>
    public static string Summary(RunProgress progress, RunStatus status)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var state = status switch
        {
            RunStatus.Running => "Running",
            RunStatus.Interrupted => "Interrupted",
            _ => "Finished",
        };
        var planned = progress.Planned is { } n ? $" of {n.ToString(CultureInfo.InvariantCulture)}" : "";
        var inFlight = progress.InFlight == 0 ? ""
            : status == RunStatus.Running ? $", {progress.InFlight} in flight"
            : $", {progress.InFlight} lost in flight (possibly paid; `imagebench run --resume` collects submitted jobs)";
        var budget = progress.BudgetUsd is { } b ? $" of a {ReportFormat.Usd(b)} budget" : "";
        return $"{state}: {progress.Done}{planned} attempts done ({progress.Ok} OK, {progress.Failed} failed){inFlight} · {ReportFormat.Usd(progress.SpentUsd)} spent{budget}";
    }
}
