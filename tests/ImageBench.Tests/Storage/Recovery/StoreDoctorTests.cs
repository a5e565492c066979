using ImageBench.Configuration;
using ImageBench.Storage;
using ImageBench.Storage.Recovery;

namespace ImageBench.Tests.Storage.Recovery;

public sealed class StoreDoctorTests : IDisposable
{
    private readonly TempRunDirectory _dir = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_healthy_run_is_healthy_with_everything_readable_and_every_image_referenced()
    {
        var attempts = await RecoveryRuns.WriteAsync(_dir.Path);

        var found = await StoreDoctor.ExamineAsync(_dir.Path, Ct);

        Assert.True(found.IsHealthy);
        Assert.Equal(attempts.Count, found.Salvage.Attempts.Count());
        Assert.Equal(attempts.Count, found.Images.OnDisk.Count);
        Assert.Empty(found.Images.Unreferenced);
        Assert.Empty(found.Images.MissingFiles);
    }

    [Theory]
    [MemberData(nameof(StoreDamageTests.Kinds), MemberType = typeof(StoreDamageTests))]
    public async Task Every_kind_of_damage_is_found_and_named_like_the_commands_name_it_without_touching_the_run(string name)
    {
        var kind = StoreDamage.Kind(name);
        await RecoveryRuns.WriteAsync(_dir.Path);
        await kind.Apply(_dir.Path);
        var before = await StoreDamage.FingerprintAsync(_dir.Path);

        var found = await StoreDoctor.ExamineAsync(_dir.Path, Ct);

        Assert.Equal(kind.Problem, found.Problem);
        Assert.Contains(kind.Says, found.ProblemMessage, StringComparison.Ordinal);
        Assert.StartsWith(StoreDamage.StorePath(_dir.Path), found.ProblemMessage, StringComparison.Ordinal);
        Assert.Equal(before, await StoreDamage.FingerprintAsync(_dir.Path));
    }

    [Fact]
    public async Task A_truncated_store_yields_exactly_the_rows_still_on_its_pages_and_the_index_names_the_rest()
    {
        var attempts = await RecoveryRuns.WriteAsync(_dir.Path);
        var readable = await StoreDamage.CutUntilSomeRowsAreLostAsync(_dir.Path, attempts.Count);

        var found = await StoreDoctor.ExamineAsync(_dir.Path, Ct);

        Assert.Equal(StoreProblem.Damaged, found.Problem);
        Assert.Equal(readable.Order(), found.Salvage.Attempts.Select(SampleRuns.Canonical).Order());
        Assert.Equal(attempts.Count - readable.Count, found.Salvage.UnreadableSlots.Count);
        Assert.Equal(attempts.Count - readable.Count, found.Images.Unreferenced.Count);
    }

    [Fact]
    public async Task Rows_a_crash_left_only_in_the_log_are_read_too()
    {
        await RecoveryRuns.WriteAsync(_dir.Path);
        await StoreDamage.LeaveInLogAsync(_dir.Path, async () =>
        {
            await using var store = await ImageBench.Storage.Sqlite.SqliteRunStore.OpenAsync(_dir.Path, Ct);
            await store.SaveAttemptAsync(SampleRuns.Refused(RecoveryRuns.Model, "late", 0), Ct);
        });

        var found = await StoreDoctor.ExamineAsync(_dir.Path, Ct);

        Assert.True(found.IsHealthy);
        Assert.Contains(found.Salvage.Attempts, a => a.PromptId == "late");
    }

    [Fact]
    public async Task An_image_file_gone_from_disk_is_reported_against_its_attempt()
    {
        var attempts = await RecoveryRuns.WriteAsync(_dir.Path);
        File.Delete(new ImageFileStore(_dir.Path).Resolve(attempts[2].ImagePath!));

        var found = await StoreDoctor.ExamineAsync(_dir.Path, Ct);

        Assert.True(found.IsHealthy);
        Assert.Equal(attempts[2].PromptId, Assert.Single(found.Images.MissingFiles).PromptId);
    }

    [Fact]
    public async Task A_directory_without_a_store_is_bad_input()
    {
        var e = await Assert.ThrowsAsync<InputException>(() => StoreDoctor.ExamineAsync(_dir.Path, Ct));

        Assert.Contains("not a run directory", e.Message, StringComparison.Ordinal);
    }
}
