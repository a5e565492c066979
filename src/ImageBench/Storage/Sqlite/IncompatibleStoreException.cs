namespace ImageBench.Storage.Sqlite;

/// <summary>
/// The file at the store's path is not a store this version of ImageBench can read (another schema version, or
/// not an ImageBench database at all). Opening never alters such a file.
/// </summary>
/// <remarks>
/// Thrown with a message only where the path is not at hand (<see cref="SqliteSchema"/>); the store re-throws it
/// with its path and problem (see <see cref="StoreFailure"/>) before it leaves <see cref="SqliteRunStore"/>.
/// </remarks>
public sealed class IncompatibleStoreException : UnusableStoreException
{
    public IncompatibleStoreException(string storePath, StoreProblem problem, string message, Exception? inner = null)
        : base(storePath, problem, message, inner) { }

    public IncompatibleStoreException(string message) : base(message) { }

    public IncompatibleStoreException(string message, Exception inner) : base(message, inner) { }

    public IncompatibleStoreException() { }
}
