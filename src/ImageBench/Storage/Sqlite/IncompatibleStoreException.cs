namespace ImageBench.Storage.Sqlite;

/// <summary>
/// The file at the store's path is not a store this version of ImageBench can read (another schema version, or
/// not an ImageBench database at all). Opening never alters such a file.
/// </summary>
public sealed class IncompatibleStoreException : Exception
{
    public IncompatibleStoreException(string message) : base(message) { }

    public IncompatibleStoreException(string message, Exception inner) : base(message, inner) { }

    public IncompatibleStoreException() { }
}
