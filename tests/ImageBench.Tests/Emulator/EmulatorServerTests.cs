using ImageBench.Emulator;

namespace ImageBench.Tests.Emulator;

public sealed class EmulatorServerTests
{
    [Fact]
    public async Task Api_and_delivery_hosts_share_one_port_on_different_addresses()
    {
        await using var server = await EmulatorFixture.StartAsync();
        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.Equal("127.0.0.2", server.DeliveryBaseUrl.Host);
        Assert.Equal(server.BaseUrl.Port, server.DeliveryBaseUrl.Port);
        Assert.NotEqual(0, server.BaseUrl.Port);
    }

    [Fact]
    public async Task Two_servers_can_run_side_by_side()
    {
        await using var a = await EmulatorFixture.StartAsync();
        await using var b = await EmulatorFixture.StartAsync();
        Assert.NotEqual(a.BaseUrl.Port, b.BaseUrl.Port);
    }

    [Fact]
    public async Task Cli_hook_logs_its_urls_and_returns_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var lines = new List<string>();
        var run = EmulatorServer.RunUntilCancelledAsync(EmulatorOptions.ArticleDefaults(0), line =>
        {
            lines.Add(line);
            if (lines.Count == 2)
            {
                cts.Cancel();
            }
        }, cts.Token);
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(lines, l => l.Contains("http://127.0.0.1:", StringComparison.Ordinal) && l.Contains("http://127.0.0.2:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("flux-pro-1.1", StringComparison.Ordinal));
    }
}
