using ImageBench.Storage.Sqlite;
using ImageBench.Web.Security;

namespace ImageBench.Web.Workspace;

/// <summary>
/// The folder <c>serve</c> shows: each direct subfolder holding a run store is a run. A name from a URL is only
/// ever matched against this listing, never joined into a path, and a linked folder must stay in the workspace.
/// </summary>
public sealed class RunWorkspace
{
    /// <summary>Cache folders under the workspace start with a dot and are never runs.</summary>
    public const string CacheFolder = ".imagebench";

    public RunWorkspace(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = WorkspacePaths.RealPath(root) ?? throw new DirectoryNotFoundException($"{root}: no such workspace folder");
    }

    /// <summary>The workspace's full path, links resolved.</summary>
    public string Root { get; }

    /// <summary>Where thumbnails are cached, by image hash.</summary>
    public string ThumbnailFolder => Path.Combine(Root, CacheFolder, "thumbnails");

    /// <summary>Every run directory, by name (ordinal).</summary>
    public IReadOnlyList<RunDirectory> Runs() =>
        Directory.EnumerateDirectories(Root)
            .Select(path => new RunDirectory(Path.GetFileName(path), path))
            .Where(IsRun)
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The run directory named exactly <paramref name="name"/>, or null.</summary>
    public RunDirectory? Find(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.StartsWith('.')) return null;
        var match = Directory.EnumerateDirectories(Root).FirstOrDefault(path => string.Equals(Path.GetFileName(path), name, StringComparison.Ordinal));
        if (match is null) return null;
        var run = new RunDirectory(name, match);
        return IsRun(run) ? run : null;
    }

    /// <summary>The full path of a stored image of <paramref name="run"/>, or null when the name is not one or the file escapes.</summary>
    public string? ImageFile(RunDirectory run, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (fileName is null || !WorkspacePaths.ImageFileName().IsMatch(fileName)) return null;
        var path = Path.Combine(run.Path, Storage.ImageFileStore.FolderName, fileName);
        return File.Exists(path) && WorkspacePaths.IsInside(Root, path) ? path : null;
    }

    private bool IsRun(RunDirectory run) =>
        !run.Name.StartsWith('.')
        && File.Exists(Path.Combine(run.Path, SqliteRunStore.FileName))
        && WorkspacePaths.IsInside(Root, Path.Combine(run.Path, SqliteRunStore.FileName));
}
