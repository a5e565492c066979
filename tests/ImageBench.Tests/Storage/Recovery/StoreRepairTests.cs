using ImageBench.Configuration;
using ImageBench.Running;
using ImageBench.Storage;
using ImageBench.Storage.Recovery;
using ImageBench.Storage.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Storage.Recovery;

public sealed class StoreRepairTests : IDisposable
{
    private static readonly DateTimeOffset RepairTime = new(2026, 11, 24, 8, 30, 15, TimeSpan.Zero);
    private readonly TempRunDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(RepairTime);
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    private string Store => StoreDamage.StorePath(_dir.Path);

    [Fact]
    public async Task One_unreadable_row_costs_that_slot_only_and_its_image_is_listed_not_lost()
    {
        var attempts = await RecoveryRuns.WriteAsync(_dir.Path);
        var images = RecoveryRuns.ImageFiles(_dir.Path);
        await StoreDamage.Kind("unreadable-attempt-json").Apply(_dir.Path);
        var damagedBytes = await File.ReadAllBytesAsync(Store);

        var result = await StoreRepair.RepairAsync(_dir.Path, _time, Ct);

        Assert.True(result.FreshStore);
        var aside = Store + ".damaged-20261124T083015Z";
        Assert.Equal([aside], result.MovedAside);
        Assert.Equal(damagedBytes, await File.ReadAllBytesAsync(aside));
        await using (var repaired = await SqliteRunStore.OpenAsync(_dir.Path, Ct))
        {
            Assert.Equal(RecoveryRuns.Manifest().RunId, (await repaired.LoadManifestAsync(Ct))!.RunId);
            Assert.Equal(attempts.Skip(1).Select(SampleRuns.Canonical).Order(), (await repaired.LoadAttemptsAsync(Ct)).Select(SampleRuns.Canonical).Order());
        }
        Assert.Equal(images, RecoveryRuns.ImageFiles(_dir.Path));
        var lost = attempts[0];
        var listed = (await File.ReadAllLinesAsync(result.SalvagedImagesFile!)).Where(l => !l.StartsWith('#')).ToList();
        Assert.Equal([$"{lost.ImagePath}\tpng\t{lost.Image!.Width}x{lost.Image.Height}\t{lost.Image.Bytes}\t{lost.Image.Sha256}"], listed);
        Assert.Equal(Path.Combine(_dir.Path, "salvaged-images.txt"), result.SalvagedImagesFile);
        Assert.True((await StoreDoctor.ExamineAsync(_dir.Path, Ct)).IsHealthy);
    }

    [Fact]
    public async Task The_estimate_counts_the_slots_a_resume_will_pay_for_again()
    {
        await RecoveryRuns.WriteAsync(_dir.Path);
        await StoreDamage.Kind("unreadable-attempt-json").Apply(_dir.Path);

        var result = await StoreRepair.RepairAsync(_dir.Path, _time, Ct);

        var replan = result.Replan!;
        Assert.Equal(RecoveryRuns.Suite.Prompts.Count, replan.PlannedSlots);
        Assert.Equal(1, replan.ToCall);
        Assert.Equal(1, replan.LostAfterCall);
        Assert.Equal(CostCalculator.Estimate(RecoveryRuns.Entry), replan.EstimatedUsd);
    }

    [Fact]
    public async Task Rows_go_back_in_the_phase_they_were_in_so_a_submitted_job_is_polled_not_paid_again()
    {
        await StoreDamageTests.WriteSmallRunAsync(_dir.Path);
        await StoreDamage.ExecuteAsync(Store, "INSERT INTO scores VALUES ('abc', 'text', '1', 'e', 'not json');");
        await StoreDamage.ExecuteAsync(Store, "UPDATE slots SET interrupted_calls = 2 WHERE prompt_id = 'd';");
        IReadOnlyList<SlotState> before;
        await using (var store = await SqliteRunStore.OpenAsync(_dir.Path, Ct)) before = await store.LoadSlotsAsync(Ct);

        var result = await StoreRepair.RepairAsync(_dir.Path, _time, Ct);

        Assert.Single(result.Examination.Salvage.UnreadableScores);
        await using var repaired = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        var after = await repaired.LoadSlotsAsync(Ct);
        Assert.Equal(before.Select(Describe), after.Select(Describe));
        Assert.Contains(after, s => s is { Phase: SlotPhase.Submitted, Job.JobId: "job-1" });
        Assert.Contains(after, s => s is { Phase: SlotPhase.Sent, InterruptedCalls: 2 });
    }

    [Fact]
    public async Task Without_a_readable_manifest_the_damaged_file_is_moved_aside_and_no_store_is_made_up()
    {
        await RecoveryRuns.WriteAsync(_dir.Path);
        var images = RecoveryRuns.ImageFiles(_dir.Path);
        await StoreDamage.Kind("random-bytes").Apply(_dir.Path);

        var result = await StoreRepair.RepairAsync(_dir.Path, _time, Ct);

        Assert.False(result.FreshStore);
        Assert.False(File.Exists(Store));
        Assert.True(File.Exists(Store + ".damaged-20261124T083015Z"));
        Assert.Equal(images, RecoveryRuns.ImageFiles(_dir.Path));
        Assert.Equal(images.Count, (await File.ReadAllLinesAsync(result.SalvagedImagesFile!)).Count(l => !l.StartsWith('#')));
    }

    [Fact]
    public async Task A_damaged_log_moves_aside_with_its_store_under_the_same_name()
    {
        await RecoveryRuns.WriteAsync(_dir.Path);
        await StoreDamage.Kind("damaged-log").Apply(_dir.Path);
        var log = await File.ReadAllBytesAsync(Store + "-wal");

        var result = await StoreRepair.RepairAsync(_dir.Path, _time, Ct);

        var aside = Store + ".damaged-20261124T083015Z";
        Assert.Equal([aside, aside + "-wal"], result.MovedAside);
        Assert.Equal(log, await File.ReadAllBytesAsync(aside + "-wal"));
        Assert.False(File.Exists(Store + "-wal"));
        await using var repaired = await SqliteRunStore.OpenAsync(_dir.Path, Ct);
        Assert.Equal(RecoveryRuns.Suite.Prompts.Count, (await repaired.LoadAttemptsAsync(Ct)).Count);
    }

    [Fact]
    public async Task A_second_repair_in_the_same_second_never_overwrites_the_first_damaged_file()
    {
        await RecoveryRuns.WriteAsync(_dir.Path);
        await StoreDamage.Kind("unreadable-attempt-json").Apply(_dir.Path);
        await StoreRepair.RepairAsync(_dir.Path, _time, Ct);
        await StoreDamage.Kind("unreadable-attempt-json").Apply(_dir.Path);

        var second = await StoreRepair.RepairAsync(_dir.Path, _time, Ct);

        Assert.Equal([Store + ".damaged-20261124T083015Z-2"], second.MovedAside);
        Assert.True(File.Exists(Store + ".damaged-20261124T083015Z"));
    }

    [Fact]
    public async Task A_healthy_store_is_left_alone()
    {
        await RecoveryRuns.WriteAsync(_dir.Path);
        var before = await StoreDamage.FingerprintAsync(_dir.Path);

        var result = await StoreRepair.RepairAsync(_dir.Path, _time, Ct);

        Assert.True(result.Examination.IsHealthy);
        Assert.Empty(result.MovedAside);
        Assert.Equal(before, await StoreDamage.FingerprintAsync(_dir.Path));
        Assert.Single(Directory.EnumerateFileSystemEntries(_dir.Path), e => Path.GetFileName(e).StartsWith("imagebench.db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_of_another_schema_version_is_refused_and_nothing_moves()
    {
        await RecoveryRuns.WriteAsync(_dir.Path);
        await StoreDamage.Kind("newer-version").Apply(_dir.Path);
        var before = await StoreDamage.FingerprintAsync(_dir.Path);

        var e = await Assert.ThrowsAsync<InputException>(() => StoreRepair.RepairAsync(_dir.Path, _time, Ct));

        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreDamage.FingerprintAsync(_dir.Path));
    }

    private static string Describe(SlotState s) => $"{s.Key} {s.Phase} {s.Job?.JobId} {s.InterruptedCalls} {(s.Attempt is null ? "" : SampleRuns.Canonical(s.Attempt))}";
}
