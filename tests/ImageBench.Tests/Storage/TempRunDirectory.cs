namespace ImageBench.Tests.Storage;

/// <summary>A fresh directory per test, deleted afterwards.</summary>
internal sealed class TempRunDirectory : IDisposable
{
    public TempRunDirectory() =>
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "imagebench-test-" + Guid.NewGuid().ToString("N"))).FullName;

    public string Path { get; }

    public IEnumerable<string> AllFiles() => Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* best effort: a leftover temp dir must not fail a test */ }
    }
}
