using ImageBench.Emulator;
using Microsoft.Extensions.Time.Testing;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class DeterminismTests
{
    private static async Task<double[]> DurationsAsync(int seed)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var server = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(1) with { Seed = seed, Time = clock });
        using var http = Client();
        var urls = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "same prompt" }));
            urls.Add((string)(await JsonAsync(submit))["polling_url"]!);
        }
        clock.Advance(TimeSpan.FromSeconds(9)); // past the article's 8.3 s maximum
        var durations = new List<double>();
        foreach (var url in urls)
        {
            var ready = await PollAsync(http, url);
            durations.Add((double)ready["result"]!["duration"]!);
        }
        return [.. durations];
    }

    [Fact]
    public async Task Same_seed_gives_the_same_latencies_and_repeated_calls_differ()
    {
        var first = await DurationsAsync(42);
        Assert.Equal(first, await DurationsAsync(42));
        Assert.NotEqual(first, await DurationsAsync(7));
        Assert.Equal(3, first.Distinct().Count());
        // duration covers the generation after the 10 % queue: 0.9 × [5.6, 8.3] s.
        Assert.All(first, d => Assert.InRange(d, 0.9 * 5.6 - 0.01, 0.9 * 8.3 + 0.01));
    }

    [Fact]
    public async Task Concurrent_submits_get_distinct_jobs_and_exact_counts()
    {
        await using var server = await StartAsync();
        using var http = Client();
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var submit = await http.SendAsync(BflSubmit(server, "flux-dev", new { prompt = "crowd" }));
            return (string)(await JsonAsync(submit))["id"]!;
        }));
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(20, server.Stats.BflSubmitsForPrompt("crowd"));
        Assert.Equal(20, server.Stats.RequestsWithKey);
    }
}
