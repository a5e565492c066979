using System.Runtime.CompilerServices;

namespace ImageBench.Tests.Reporting;

/// <summary>
/// Exact comparison against a committed file under Snapshots/. IMAGEBENCH_UPDATE_SNAPSHOTS=1 rewrites the files
/// instead (review the diff before committing).
/// </summary>
internal static class Snapshot
{
    public static void Matches(string fileName, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots", fileName);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("IMAGEBENCH_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Snapshot {path} is missing; run with IMAGEBENCH_UPDATE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            File.WriteAllText(path + ".received", actual);
            Assert.Equal(expected, actual);
        }
    }
}
