using System.Text.RegularExpressions;

namespace ImageBench.Web.Security;

/// <summary>
/// Turns names from a URL into files inside the workspace, or nothing. Names are never joined into paths as
/// typed: a run is one of the folders the workspace lists, an image name must look like a stored one (its
/// SHA-256 and a known extension), and every link on the way is followed to check it stays inside the workspace.
/// </summary>
public static partial class WorkspacePaths
{
    /// <summary>The file name <see cref="Storage.ImageFileStore"/> gives an image: its hash and extension.</summary>
    [GeneratedRegex("^[0-9a-f]{64}\\.(png|jpg|webp)$", RegexOptions.CultureInvariant)]
    public static partial Regex ImageFileName();

    /// <summary>True when <paramref name="path"/>, with every symbolic link on it resolved, lies under <paramref name="root"/>.</summary>
    /// <param name="root">A full path whose own links are already resolved (<see cref="RealPath"/>).</param>
    public static bool IsInside(string root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        var real = RealPath(path);
        if (real is null) return false;
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return real.StartsWith(prefix, StringComparison.Ordinal) || real == root;
    }

    /// <summary>
    /// The path with every symbolic link resolved, component by component (a link may point at another link or
    /// into a linked folder); null when it does not exist or links loop.
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        var parts = new Queue<string>(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        for (var hops = 0; parts.Count > 0;)
        {
            var next = Path.Combine(current, parts.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists) return null;
            if (info.LinkTarget is { } target)
            {
                if (++hops > 40) return null;
                // A relative target is relative to the link's folder; what it names is resolved the same way.
                var resolved = Path.GetFullPath(target, current);
                var rest = parts.ToArray();
                var resolvedRoot = Path.GetPathRoot(resolved)!;
                parts = new Queue<string>([.. resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries), .. rest]);
                current = resolvedRoot;
                continue;
            }
            current = next;
        }
        return current;
    }
}
