using System.Collections.Concurrent;
using ImageBench.Configuration;
using ImageBench.Reporting;
using ImageBench.Scoring;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;

namespace ImageBench.Web.Workspace;

/// <summary>
/// Reads runs through the run store and the report code <c>imagebench report</c> uses — nothing here parses
/// results.json. A run is read again only when its store's files changed (<see cref="StoreStamp"/>), so a page
/// of a finished run costs one file stat.
/// </summary>
/// <remarks>
/// One read at a time per run: the stamp is taken with none of this server's connections open, so the -wal file
/// it sees is a writer's, never this server's own. Scores come from the score cache only: serving a run never
/// decodes an image for OCR or calls a judge (<c>imagebench score DIR</c> fills the cache).
/// </remarks>
public sealed class RunReader
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RunSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (StoreStamp Stamp, RunReport Report, RunScores? Scores)> _reports = new(StringComparer.Ordinal);

    public Task<RunSnapshot> SnapshotAsync(RunDirectory run, CancellationToken ct) =>
        WithGateAsync(run, async () =>
        {
            var stamp = StoreStamp.Of(run.Path);
            if (_snapshots.TryGetValue(run.Path, out var cached) && cached.Stamp == stamp) return cached;
            await using var store = await SqliteRunStore.OpenAsync(run.Path, ct).ConfigureAwait(false);
            return Remember(await ReadAsync(run, store, stamp, ct).ConfigureAwait(false));
        }, ct);

    /// <summary>The run's report (with the scores cached so far) and the snapshot it was built from.</summary>
    public Task<(RunSnapshot Snapshot, RunReport Report, RunScores? Scores)> ReportAsync(RunDirectory run, CancellationToken ct) =>
        WithGateAsync(run, async () =>
        {
            var stamp = StoreStamp.Of(run.Path);
            if (_snapshots.TryGetValue(run.Path, out var snapshot) && snapshot.Stamp == stamp
                && _reports.TryGetValue(run.Path, out var cached) && cached.Stamp == stamp)
                return (snapshot, cached.Report, cached.Scores);
            await using var store = await SqliteRunStore.OpenAsync(run.Path, ct).ConfigureAwait(false);
            snapshot = Remember(await ReadAsync(run, store, stamp, ct).ConfigureAwait(false));
            var scores = await CachedScoresAsync(snapshot, store, ct).ConfigureAwait(false);
            var report = RunReportBuilder.Build(snapshot.Manifest, snapshot.Attempts, snapshot.Suite, scores);
            _reports[run.Path] = (stamp, report, scores);
            return (snapshot, report, scores);
        }, ct);

    private static async Task<RunSnapshot> ReadAsync(RunDirectory run, SqliteRunStore store, StoreStamp stamp, CancellationToken ct)
    {
        var manifest = await store.LoadManifestAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{run.Name}: the store has no run manifest yet");
        var slots = await store.LoadSlotsAsync(ct).ConfigureAwait(false);
        var ledger = await store.LoadLedgerAsync(ct).ConfigureAwait(false);
        return new RunSnapshot(run, manifest, slots, LoadSuite(manifest.SuitePath), stamp) { Ledger = ledger };
    }

    /// <summary>The suite the run recorded, as <c>imagebench report</c> loads it; a moved or broken suite shows prompt ids only.</summary>
    private static Suite? LoadSuite(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return SuiteLoader.Load(path);
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static async Task<RunScores?> CachedScoresAsync(RunSnapshot snapshot, SqliteRunStore store, CancellationToken ct)
    {
        if (snapshot.Suite is null) return null;
        IReadOnlyList<IScorer> scorers;
        try
        {
            scorers = DefaultScorers.ForReport(Scoring.Judge.JudgeSettings.FromManifest(snapshot.Manifest));
        }
        catch (InputException)
        {
            scorers = DefaultScorers.All();
        }
        try
        {
            var runner = new ScoringRunner(scorers, store, 1) { CacheOnly = true };
            var scores = await runner.ScoreAsync(snapshot.Run.Path, snapshot.Attempts, snapshot.Suite, ct).ConfigureAwait(false);
            return scores.Attempts.Any(a => a.Results.Count > 0) ? scores : null;
        }
        finally
        {
            foreach (var scorer in scorers) (scorer as IDisposable)?.Dispose();
        }
    }

    private RunSnapshot Remember(RunSnapshot snapshot)
    {
        _snapshots[snapshot.Run.Path] = snapshot;
        return snapshot;
    }

    private async Task<T> WithGateAsync<T>(RunDirectory run, Func<Task<T>> read, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(run.Path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await read().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
