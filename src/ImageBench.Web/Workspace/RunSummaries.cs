namespace ImageBench.Web.Workspace;

/// <summary>Every run of the workspace as the Runs page lists it, newest first; an unreadable store is a row saying why.</summary>
public static class RunSummaries
{
    public static async Task<IReadOnlyList<RunSummary>> LoadAsync(RunWorkspace workspace, RunReader reader, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(reader);
        var summaries = new List<RunSummary>();
        foreach (var run in workspace.Runs())
        {
            try
            {
                var snapshot = await reader.SnapshotAsync(run, ct).ConfigureAwait(false);
                summaries.Add(new RunSummary(run, snapshot, RunProgress.Of(snapshot), snapshot.StatusAt(now), null));
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                summaries.Add(RunSummary.Unreadable(run, $"cannot read this run's store: {e.Message}"));
            }
        }
        return summaries.OrderByDescending(s => s.Snapshot?.Manifest.CreatedAt ?? DateTimeOffset.MinValue).ThenBy(s => s.Run.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>A store that is not one, of another version, half written, or gone: one row or page says so, nothing crashes.</summary>
    public static bool IsUnreadable(Exception e) =>
        e is InvalidDataException or Storage.Sqlite.IncompatibleStoreException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException;

    /// <summary>What changes when a row would: the runs, their store files and statuses.</summary>
    public static string Signature(IReadOnlyList<RunSummary> summaries) =>
        string.Join('\n', summaries.Select(s => $"{s.Run.Name}|{s.Snapshot?.Stamp}|{s.Status}|{s.Error}"));
}
