using System.Globalization;
using ImageBench.Configuration;
using ImageBench.Storage.Sqlite;

namespace ImageBench.Storage.Recovery;

/// <summary>What <see cref="StoreRepair"/> did.</summary>
/// <param name="Examination">What was found before anything moved.</param>
/// <param name="MovedAside">Where the damaged files went (the store file first); empty when the store was healthy.</param>
/// <param name="FreshStore">A fresh store holds every readable row; false when the manifest was unreadable, so there is no run to resume.</param>
/// <param name="SalvagedImagesFile">The list of images no readable attempt references, when there are any.</param>
/// <param name="Replan">What a resume will call again, when the manifest and suite allow an estimate.</param>
/// <param name="NoReplanWhy">Why there is no estimate.</param>
public sealed record RepairResult(
    StoreExamination Examination,
    IReadOnlyList<string> MovedAside,
    bool FreshStore,
    string? SalvagedImagesFile,
    ReplanEstimate? Replan,
    string? NoReplanWhy);

/// <summary>
/// <c>imagebench doctor DIR --repair</c>: moves a damaged store aside (never deletes it), writes every row still
/// readable into a fresh store, and lists the images no readable attempt references. Image files are never
/// deleted or moved. Slots that were not recovered are simply planned again by <c>run --resume</c>.
/// </summary>
public static class StoreRepair
{
    public static async Task<RepairResult> RepairAsync(string runDirectory, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        var found = await StoreDoctor.ExamineAsync(runDirectory, ct).ConfigureAwait(false);
        if (found.IsHealthy) return new RepairResult(found, [], FreshStore: false, null, null, null);
        if (found.Problem == StoreProblem.OtherSchemaVersion)
            throw new InputException($"{found.ProblemMessage} `doctor --repair` leaves it alone: rewriting it with this version would drop what this version does not know.");

        var at = time.GetUtcNow();
        var stamp = at.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var salvage = found.Salvage;
        // Built to the side first and moved in last, so a repair cut short never leaves a half-filled store in place.
        var fresh = salvage.Manifest is { } manifest
            ? await BuildAsync(found.RunDirectory, stamp, manifest, salvage, time, ct).ConfigureAwait(false)
            : null;
        var moved = MoveAside(found.StorePath, stamp);
        if (fresh is not null)
        {
            File.Move(fresh, found.StorePath);
            Directory.Delete(Path.GetDirectoryName(fresh)!);
        }
        var list = found.Images.Unreferenced.Count == 0 ? null
            : await SalvagedImagesFile.WriteAsync(found.RunDirectory, found.Images.Unreferenced, Path.GetFileName(moved[0]), at, ct).ConfigureAwait(false);
        var (replan, why) = salvage.Manifest is { } m
            ? ReplanEstimate.For(m, salvage.Slots, salvage.UnreadableSlots)
            : (null, "the manifest could not be read");
        return new RepairResult(found, moved, fresh is not null, list, replan, why);
    }

    private static async Task<string> BuildAsync(string runDirectory, string stamp, RunManifest manifest, StoreSalvage salvage, TimeProvider time, CancellationToken ct)
    {
        var scratch = Path.Combine(runDirectory, $".doctor-{stamp}");
        if (Directory.Exists(scratch)) throw new InputException($"{scratch} exists: an earlier repair was cut short (see docs/store-recovery.md); move it away and repair again");
        Directory.CreateDirectory(scratch);
        // A damaged page can make a key appear twice; one row per slot, and a stored attempt wins.
        var slots = salvage.Slots.GroupBy(s => s.Key).Select(g => g.OrderByDescending(s => s.Phase == SlotPhase.Done).First()).ToList();
        await using (var store = await SqliteRunStore.OpenAsync(scratch, time, ct).ConfigureAwait(false))
            await store.RestoreAsync(manifest, slots, salvage.Scores, ct).ConfigureAwait(false);
        // Closing checkpointed and removed the log: the store is this one file.
        return Path.Combine(scratch, SqliteRunStore.FileName);
    }

    /// <summary>imagebench.db → imagebench.db.damaged-{stamp}, its -wal and -shm beside it under the same name, so they stay one database.</summary>
    private static List<string> MoveAside(string storePath, string stamp)
    {
        string[] suffixes = ["", "-wal", "-shm"];
        var target = $"{storePath}.damaged-{stamp}";
        for (var n = 2; suffixes.Any(s => File.Exists(target + s)); n++) target = $"{storePath}.damaged-{stamp}-{n}";
        var moved = new List<string>();
        foreach (var suffix in suffixes)
        {
            if (!File.Exists(storePath + suffix)) continue;
            File.Move(storePath + suffix, target + suffix);
            moved.Add(target + suffix);
        }
        return moved;
    }
}
