namespace ImageBench.Tests.Support;

/// <summary>
/// Finds the shared recorded fixtures (…/shared/fixtures, a sibling of the repository) by walking up from the
/// test binaries, so tests work from any worktree and any build output folder.
/// </summary>
public static class Fixtures
{
    private static readonly Lazy<string> RootDir = new(Locate);

    public static string Root => RootDir.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "fixtures"), System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures") })
            {
                if (Directory.Exists(candidate)) return System.IO.Path.GetFullPath(candidate);
            }
        }
        throw new DirectoryNotFoundException($"no shared/fixtures folder above {AppContext.BaseDirectory}");
    }
}
