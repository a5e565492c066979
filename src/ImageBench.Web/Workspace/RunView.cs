using ImageBench.Reporting;
using ImageBench.Storage;

namespace ImageBench.Web.Workspace;

/// <summary>Why a planned image is not in the gallery yet.</summary>
public enum PendingKind
{
    /// <summary>Its call is out (sent, or a job submitted) and a process is working on the run.</summary>
    InFlight,
    /// <summary>Not started yet; the run is going.</summary>
    Waiting,
    /// <summary>Its call was out when the process stopped: possibly paid, result unknown (<c>run --resume</c> collects submitted jobs).</summary>
    Lost,
    /// <summary>Never started, and nobody is working on the run (stopped early: budget, Ctrl-C, crash).</summary>
    NotRun,
}

public sealed record PendingSlot(string Model, string ModelName, string PromptId, int Repeat, PendingKind Kind);

/// <summary>Everything the run page shows: the report, how far the run got, and the images still to come.</summary>
/// <param name="EventsUrl">The live stream of a running run; null once nobody works on it.</param>
/// <param name="Recent">The latest attempts, newest first, as the live feed prints them.</param>
public sealed record RunView(
    RunDirectory Run, RunReport Report, RunProgress Progress, RunStatus Status,
    IReadOnlyDictionary<string, IReadOnlyList<PendingSlot>> Pending, string? EventsUrl, IReadOnlyList<string> Recent)
{
    public const int RecentShown = 8;

    public IReadOnlyList<PendingSlot> PendingFor(string promptId) => Pending.GetValueOrDefault(promptId) ?? [];

    public static RunView Of(RunSnapshot snapshot, RunReport report, RunStatus status, string? viewId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(report);
        var progress = RunProgress.Of(snapshot);
        var names = progress.Models.ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal);
        var slots = snapshot.Slots.ToDictionary(s => s.Key);
        var running = status == RunStatus.Running;

        IEnumerable<SlotKey> planned = snapshot.Suite is { } suite
            ? suite.Prompts.SelectMany(p => snapshot.Manifest.Models.SelectMany(m => Enumerable.Range(0, snapshot.Manifest.Repeat).Select(r => new SlotKey(m, p.Id, r))))
            : snapshot.Slots.Where(s => s.Phase != SlotPhase.Done).Select(s => s.Key);
        // Planned slots are waiting (or, when nobody works on the run, not run); claimed, sent or submitted ones were taken on.
        var pending = planned
            .Where(key => !slots.TryGetValue(key, out var slot) || slot.Phase != SlotPhase.Done)
            .Select(key => new PendingSlot(key.Model, names.GetValueOrDefault(key.Model) ?? key.Model, key.PromptId, key.Repeat,
                slots.TryGetValue(key, out var taken) && RunStatusRule.IsInFlight(taken.Phase)
                    ? (running ? PendingKind.InFlight : PendingKind.Lost)
                    : (running ? PendingKind.Waiting : PendingKind.NotRun)))
            .GroupBy(p => p.PromptId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PendingSlot>)g.ToList(), StringComparer.Ordinal);

        var recent = snapshot.Attempts
            .OrderByDescending(a => a.StartedAt.AddMilliseconds(a.LatencyMs))
            .Take(RecentShown)
            .Select(a => Live.LiveLines.Line(PromptSections.Entry(a, names.GetValueOrDefault(a.Model) ?? a.Model, null), a.PromptId))
            .ToList();
        var events = running && viewId is not null ? $"{snapshot.Run.Url}/events?view={Uri.EscapeDataString(viewId)}" : null;
        return new RunView(snapshot.Run, report, progress, status, pending, events, recent);
    }
}
