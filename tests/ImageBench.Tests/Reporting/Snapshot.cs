using System.Runtime.CompilerServices;

namespace ImageBench.Tests.Reporting;

/// <summary>
/// Compares text with a committed file under Reporting/Snapshots/, exactly. Run the tests with
/// IMAGEBENCH_UPDATE_SNAPSHOTS=1 to (re)write the files instead, then review the diff before committing it.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "IMAGEBENCH_UPDATE_SNAPSHOTS";

    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        // The source tree, not bin/: that is where the committed file lives and where an update must land.
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots", name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"snapshot {path} is missing; run the tests with {UpdateVariable}=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
