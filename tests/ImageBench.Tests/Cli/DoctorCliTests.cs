using System.Globalization;
using ImageBench.Catalog;
using ImageBench.Running;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Tests.Storage;
using ImageBench.Tests.Storage.Recovery;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary><c>imagebench doctor DIR [--repair]</c> on a real run: what it reports, its exit codes, and a repair a report and a resume can use.</summary>
[Collection(HealthyRunCollection.Name)]
public sealed class DoctorCliTests(HealthyRun healthy) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_healthy_store_is_exit_0_with_every_slot_attempt_and_image_accounted_for()
    {
        var dir = healthy.CopyTo(_dir.Path);

        var (exit, output, err) = await CliProcess.RunAsync(["doctor", dir]);

        Assert.True(exit == 0, output + err);
        Assert.Contains("status: healthy", output, StringComparison.Ordinal);
        Assert.Contains($"slots: {healthy.Slots} readable (planned 0, claimed 0, sent 0, submitted 0, done {healthy.Slots}), 0 unreadable", output, StringComparison.Ordinal);
        Assert.Contains($"attempts: {healthy.Slots} readable (ok {healthy.Slots})", output, StringComparison.Ordinal);
        Assert.Contains($"images: {healthy.Slots} files on disk in {Path.Combine(dir, "images")}; {healthy.Slots} referenced by readable attempts; 0 on disk referenced by nothing; 0 attempts whose image file is missing", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated", "status: damaged", "manifest: readable")]
    [InlineData("random-bytes", "status: not an ImageBench store", "manifest: cannot be read")]
    public async Task A_damaged_store_is_exit_1_and_doctor_changes_nothing(string damage, string status, string manifest)
    {
        var dir = healthy.CopyTo(_dir.Path);
        await StoreDamage.Kind(damage).Apply(dir);
        var before = await StoreDamage.FingerprintAsync(dir);

        var (exit, output, err) = await CliProcess.RunAsync(["doctor", dir]);

        Assert.True(exit == 1, output + err);
        Assert.Contains(status, output, StringComparison.Ordinal);
        Assert.Contains(manifest, output, StringComparison.Ordinal);
        Assert.Contains($"{healthy.Slots} on disk referenced by nothing", output, StringComparison.Ordinal);
        Assert.Contains($"`imagebench doctor {dir} --repair`", output, StringComparison.Ordinal);
        Assert.Equal(before, await StoreDamage.FingerprintAsync(dir));
        Assert.Equal(["imagebench.db"], Directory.EnumerateFiles(dir, "imagebench.db*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task Repair_keeps_every_readable_attempt_and_every_image_then_report_and_resume_work()
    {
        var dir = healthy.CopyTo(_dir.Path);
        var images = RecoveryRuns.ImageFiles(dir);
        var readable = await StoreDamage.CutUntilSomeRowsAreLostAsync(dir, healthy.Slots);
        var damaged = await File.ReadAllBytesAsync(StoreDamage.StorePath(dir));

        var (exit, output, err) = await CliProcess.RunAsync(["doctor", dir, "--repair"]);

        Assert.True(exit == 0, output + err);
        await using (var store = await SqliteRunStore.OpenAsync(dir, CancellationToken.None))
            Assert.Equal(readable.Order(), (await store.LoadAttemptsAsync(CancellationToken.None)).Select(SampleRuns.Canonical).Order());
        Assert.Equal(images, RecoveryRuns.ImageFiles(dir));
        var aside = Assert.Single(Directory.EnumerateFiles(dir, "imagebench.db.damaged-*"));
        Assert.Equal(damaged, await File.ReadAllBytesAsync(aside));
        var salvaged = (await File.ReadAllLinesAsync(Path.Combine(dir, "salvaged-images.txt"))).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal(healthy.Slots - readable.Count, salvaged.Count);
        foreach (var line in salvaged)
        {
            var fields = line.Split('\t');
            Assert.Equal(images[Path.GetFileName(fields[0])], fields[4].ToUpperInvariant()); // the listed sha256 is the file's
        }
        var lost = healthy.Slots - readable.Count;
        var each = CostCalculator.Estimate(ModelCatalog.Load().Get("flux-1.1-pro"))!.Value;
        Assert.Contains($"plans the {lost} of {healthy.Slots} slots not recovered as done again — re-running them costs money: est. ${(each * lost).ToString("0.####", CultureInfo.InvariantCulture)}", output, StringComparison.Ordinal);

        var report = await CliProcess.RunAsync(["report", dir, "--format", "md"]);
        Assert.True(report.Exit == 0, report.Out + report.Err);

        var resume = await CliProcess.RunAsync(["run", "--resume", "--out", dir, "--emulator", "--time-scale", "0", "--no-score"]);
        Assert.True(resume.Exit == 0, resume.Out + resume.Err);
        await using var resumed = await SqliteRunStore.OpenAsync(dir, CancellationToken.None);
        Assert.Equal(healthy.Slots, (await resumed.LoadAttemptsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_directory_without_a_store_is_exit_2()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["doctor", _dir.Path]);

        Assert.Equal(2, exit);
        Assert.Contains("not a run directory", err, StringComparison.Ordinal);
    }
}
