using ImageBench.Web.Workspace;
using Microsoft.AspNetCore.Components;

namespace ImageBench.Web.Components.Controls;

/// <summary>
/// Every run of the workspace in one table. Sorting and filtering happen in the browser (runs.js) on the values in
/// each cell's data-value, so the numbers sort as numbers and dates as dates.
/// </summary>
public partial class RunsTable
{
    /// <summary>Past this many a run's models fold behind their count, so one wide run does not make every row tall.</summary>
    public const int MaxModelsListed = 4;

    [Parameter, EditorRequired] public IReadOnlyList<RunSummary> Runs { get; set; } = default!;

    private sealed record Column(string Title, bool Numeric);

    private static readonly Column[] Columns =
    [
        new("Run", false), new("Suite", false), new("Models", false), new("Started", false),
        new("OK", true), new("Failed", true), new("In flight", true), new("Done", true), new("Spent", true), new("Status", false),
    ];

    private static string ModelNames(RunProgress progress) => string.Join(", ", progress.Models.Select(m => m.Name));

    /// <summary>What the filter box matches: run, suite, model names and ids.</summary>
    private static string SearchText(RunSummary run) =>
        string.Join(' ', new[] { run.Run.Name, run.Snapshot?.Manifest.SuiteName ?? "" }
            .Concat(run.Progress?.Models.SelectMany(m => new[] { m.Name, m.Id }) ?? [])).ToLowerInvariant();
}
