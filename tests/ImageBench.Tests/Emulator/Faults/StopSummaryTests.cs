using System.Text.RegularExpressions;
using ImageBench.Emulator;
using ImageBench.Emulator.Faults;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>What <c>imagebench emulator</c> prints: its faults when it starts, its counters when stopped.</summary>
public sealed partial class StopSummaryTests
{
    [Fact]
    public async Task Stopping_prints_the_counters_per_model()
    {
        var lines = new List<string>();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = FaultSpecs.Apply(EmulatorOptions.ArticleDefaults(0), [FaultSpec.Parse("flux-pro-1.1:503=1")]);
        using var stop = new CancellationTokenSource();
        var run = EmulatorServer.RunUntilCancelledAsync(options, line =>
        {
            lock (lines) lines.Add(line);
            if (ApiUrl().Match(line) is { Success: true } m) started.TrySetResult(new Uri(m.Groups[1].Value));
        }, stop.Token);
        var baseUrl = await started.Task;
        using var http = Client();
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v1/flux-pro-1.1")) { Content = System.Net.Http.Json.JsonContent.Create(new { prompt = "p" }) })
        {
            request.Headers.Add("x-key", "k");
            using var rejected = await http.SendAsync(request);
        }

        await stop.CancelAsync();
        await run;

        Assert.Contains("faults for flux-pro-1.1: 503=1", lines);
        Assert.Contains(lines, l => l.StartsWith("emulator stopped after 1 calls: 1 submissions (0 billed, 0 refused)", StringComparison.Ordinal) && l.EndsWith("1 faults injected (503 ×1)", StringComparison.Ordinal));
        Assert.Contains("  flux-pro-1.1 (bfl): 1 submissions, 0 billed, 0 refused, 0 polls, 0 deliveries (503 ×1)", lines);
    }

    [GeneratedRegex(@"API at (http://\S+/),")]
    private static partial Regex ApiUrl();
}
