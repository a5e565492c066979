using ImageBench.Configuration;
using ImageBench.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Recovery;

/// <summary>
/// Examines a run's store without changing anything in the run directory: is it usable, and what can still be read
/// (manifest, slots, attempts, scores, images). <see cref="StoreRepair"/> acts on what it finds.
/// </summary>
public static class StoreDoctor
{
    /// <exception cref="InputException">The directory holds no store.</exception>
    public static async Task<StoreExamination> ExamineAsync(string runDirectory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        var storePath = Path.Combine(Path.GetFullPath(runDirectory), SqliteRunStore.FileName);
        if (!File.Exists(storePath)) throw new InputException($"{runDirectory}: not a run directory (no {SqliteRunStore.FileName})");

        using var copy = ScratchCopy.Of(storePath);
        var (problem, message) = await DiagnoseAsync(storePath, copy, ct).ConfigureAwait(false);
        var salvage = StoreSalvageReader.Read(copy.StorePath);
        if (problem is null && salvage.LostRows)
            (problem, message) = (StoreProblem.Damaged, $"{storePath} is damaged: {Describe(salvage)}");
        return new StoreExamination(storePath, problem, message, salvage, ImageInventory.Take(Path.GetDirectoryName(storePath)!, salvage.Attempts));
    }

    /// <summary>The store opened and read as every command does (on the copy), then SQLite's own integrity check.</summary>
    private static async Task<(StoreProblem?, string?)> DiagnoseAsync(string storePath, ScratchCopy copy, CancellationToken ct)
    {
        if (StoreFileCheck.FindDamage(storePath) is { } damage) return (StoreProblem.Damaged, damage);
        try
        {
            await using var store = await SqliteRunStore.OpenAsync(copy.Directory, ct).ConfigureAwait(false);
            await store.LoadManifestAsync(ct).ConfigureAwait(false);
            await store.LoadSlotsAsync(ct).ConfigureAwait(false);
        }
        catch (UnusableStoreException e)
        {
            return (e.Problem, copy.AboutOriginal(e.Message, storePath));
        }
        return IntegrityProblem(copy.StorePath) is { } found ? (StoreProblem.Damaged, $"{storePath} is damaged (integrity check: {found})") : (null, null);
    }

    /// <summary>SQLite's check of every page: finds damage in pages no read above touched (indexes, free pages).</summary>
    private static string? IntegrityProblem(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check(5);";
            using var reader = command.ExecuteReader();
            var lines = new List<string>();
            while (reader.Read()) lines.Add(reader.GetString(0));
            return lines is ["ok"] ? null : string.Join("; ", lines).ReplaceLineEndings(" ");
        }
        catch (SqliteException e)
        {
            return e.Message.ReplaceLineEndings(" ");
        }
    }

    private static string Describe(StoreSalvage salvage)
    {
        var parts = new List<string>();
        if (salvage.OpenError is not null) parts.Add($"it cannot be read ({salvage.OpenError})");
        if (salvage.ManifestError is not null) parts.Add($"the manifest cannot be read ({salvage.ManifestError})");
        if (salvage.UnreadableSlots.Count > 0) parts.Add(Rows(salvage.UnreadableSlots.Count, "slot"));
        if (salvage.UnreadableScores.Count > 0) parts.Add(Rows(salvage.UnreadableScores.Count, "score"));
        return string.Join("; ", parts);
    }

    private static string Rows(int count, string table) => count == 1 ? $"1 {table} row cannot be read" : $"{count} {table} rows cannot be read";
}
