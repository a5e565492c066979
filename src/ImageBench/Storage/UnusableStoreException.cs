namespace ImageBench.Storage;

/// <summary>Why a run store cannot be used.</summary>
public enum StoreProblem
{
    /// <summary>The file was an ImageBench store and is broken: truncated, overwritten, empty, a damaged log, rows that do not parse.</summary>
    Damaged,
    /// <summary>The file is not an ImageBench store: not SQLite at all, or someone else's database.</summary>
    NotAStore,
    /// <summary>An ImageBench store written with another schema version; the version that wrote it can read it.</summary>
    OtherSchemaVersion,
}

/// <summary>
/// The run store cannot be used. Every way a store file can be unusable surfaces as this one type (SQLite's
/// corruption codes, rows whose JSON does not parse, a damaged write-ahead log, a foreign or newer file), so the
/// CLI maps it to exit 2 in one place and says what is still recoverable. The message is one line that names the file.
/// </summary>
public class UnusableStoreException : Exception
{
    public UnusableStoreException(string storePath, StoreProblem problem, string message, Exception? inner = null)
        : base(message, inner)
    {
        StorePath = storePath;
        Problem = problem;
    }

    public UnusableStoreException(string message) : base(message) { }

    public UnusableStoreException(string message, Exception inner) : base(message, inner) { }

    public UnusableStoreException() { }

    /// <summary>Absolute path of the store file (<c>{runDir}/imagebench.db</c>); null only for the bare constructors.</summary>
    public string? StorePath { get; }

    public StoreProblem Problem { get; }

    /// <summary>The run directory the store belongs to, or null when the path is unknown.</summary>
    public string? RunDirectory => StorePath is null ? null : Path.GetDirectoryName(StorePath);
}
