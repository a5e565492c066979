using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary><c>imagebench run --retry-unsafe</c>: the opt-in to resending paid calls is offered, explained and accepted.</summary>
public sealed class RetryUnsafeOptionTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Run_offers_retry_unsafe_and_says_it_can_pay_twice()
    {
        var (exit, output, _) = await CliProcess.RunAsync(["run", "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("--retry-unsafe", output, StringComparison.Ordinal);
        Assert.Contains("paid twice", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_accepts_retry_unsafe()
    {
        var (exit, output, err) = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--emulator",
            "--dry-run", "--retry-unsafe", "--out", Path.Combine(_dir.Path, "r")]);

        Assert.True(exit == 0, err);
        Assert.Contains("plan:", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
