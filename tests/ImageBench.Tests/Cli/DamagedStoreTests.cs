using ImageBench.Storage;
using ImageBench.Tests.Storage.Recovery;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary>
/// A damaged or foreign store is bad input: exit 2 and one line saying which file, what is wrong with it and what
/// is still recoverable — from every command that opens a store, never a stack trace, and the file left as it was.
/// </summary>
[Collection(HealthyRunCollection.Name)]
public sealed class DamagedStoreTests(HealthyRun healthy) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> KindsAndCommands()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in StoreDamage.Kinds)
            foreach (var command in new[] { "run --resume", "report", "score" })
                data.Add(kind.Name, command);
        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndCommands))]
    public async Task A_damaged_or_foreign_store_is_exit_2_with_one_line_saying_what_is_wrong_and_what_is_recoverable(string damage, string command)
    {
        var kind = StoreDamage.Kind(damage);
        var dir = healthy.CopyTo(_dir.Path);
        await kind.Apply(dir);
        var before = await StoreDamage.FingerprintAsync(dir);
        string[] args = command == "run --resume"
            ? ["run", "--resume", "--out", dir, "--emulator", "--time-scale", "0", "--no-score"]
            : [command, dir];

        var (exit, _, err) = await CliProcess.RunAsync(args);

        Assert.True(exit == 2, $"exit {exit}: {err}");
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"error: {StoreDamage.StorePath(dir)} ", line, StringComparison.Ordinal);
        Assert.Contains(kind.Says, line, StringComparison.Ordinal);
        Assert.Contains($"{healthy.Slots} images are still on disk in {Path.Combine(dir, "images")}", line, StringComparison.Ordinal);
        if (kind.Problem == StoreProblem.OtherSchemaVersion)
            Assert.Contains("Nothing was changed", line, StringComparison.Ordinal);
        else
            Assert.Contains($"`imagebench doctor {dir} --repair` salvages it into a fresh store", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
        if (kind.Name != "foreign-schema") // opening switches a foreign file to WAL before refusing it (see StoreDamageTests)
            Assert.Equal(before, await StoreDamage.FingerprintAsync(dir));
    }
}
