using ImageBench.Scoring;

namespace ImageBench.Storage.Recovery;

/// <summary>A row of a damaged store that could not be read. <paramref name="Slot"/> is known when the table's index still names it.</summary>
public sealed record UnreadableRow(long RowId, SlotKey? Slot, string Reason);

/// <summary>A score row read back from a store.</summary>
public sealed record SalvagedScore(ScoreKey Key, ScoreResult Result);

/// <summary>Everything that could be read from a store file, row by row.</summary>
/// <param name="OpenError">Why the file could not be read at all (then every list is empty), or null.</param>
/// <param name="SchemaVersion">The file's user_version, when it could be read.</param>
/// <param name="Manifest">The run manifest, when stored and readable.</param>
/// <param name="ManifestError">Why a stored manifest could not be read; null with a null manifest means none was stored.</param>
public sealed record StoreSalvage(
    string? OpenError,
    long? SchemaVersion,
    RunManifest? Manifest,
    string? ManifestError,
    IReadOnlyList<SlotState> Slots,
    IReadOnlyList<UnreadableRow> UnreadableSlots,
    IReadOnlyList<SalvagedScore> Scores,
    IReadOnlyList<UnreadableRow> UnreadableScores)
{
    public static StoreSalvage Nothing(string why) => new(why, null, null, null, [], [], [], []);

    public IEnumerable<Attempts.Attempt> Attempts => Slots.Select(s => s.Attempt).OfType<Attempts.Attempt>();

    public bool LostRows => UnreadableSlots.Count > 0 || UnreadableScores.Count > 0 || ManifestError is not null || OpenError is not null;
}
