namespace ImageBench.Tests.Support;

/// <summary>Finds the checkout's root (the folder holding ImageBench.sln) from the test's bin folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "ImageBench.sln"))) return dir.FullName;
        throw new InvalidOperationException("ImageBench.sln not found above " + AppContext.BaseDirectory);
    }
}
