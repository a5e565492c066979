using System.Text.Json.Nodes;
using ImageBench.Emulator;
using Microsoft.Extensions.Time.Testing;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class BflTimingTests
{
    [Fact]
    public async Task Job_stays_pending_until_fake_time_passes_its_finish()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var profile = new ModelProfile { Latency = new LatencyProfile(10, 10, 10), ImageFormat = "jpeg" };
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Time = clock,
            Profiles = new Dictionary<string, ModelProfile> { ["flux-pro-1.1"] = profile },
        });
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p" }));
        string pollingUrl = (string)(await JsonAsync(submit))["polling_url"]!;

        var queued = await PollAsync(http, pollingUrl);
        Assert.Equal("Pending", (string)queued["status"]!);
        Assert.Null(queued["progress"]); // first 10%: still queued

        clock.Advance(TimeSpan.FromSeconds(5.5));
        var running = await PollAsync(http, pollingUrl);
        Assert.Equal("Pending", (string)running["status"]!);
        Assert.Equal(0.5, (double)running["progress"]!, 2);

        // The sample is not downloadable before the job is done.
        clock.Advance(TimeSpan.FromSeconds(4.4));
        Assert.Equal("Pending", (string)(await PollAsync(http, pollingUrl))["status"]!);

        clock.Advance(TimeSpan.FromSeconds(0.2));
        var ready = await PollAsync(http, pollingUrl);
        Assert.Equal("Ready", (string)ready["status"]!);
        Assert.Equal(9.0, (double)ready["result"]!["duration"]!, 3);
        Assert.Equal("jpeg", FormatOf(await http.GetByteArrayAsync((string)ready["result"]!["sample"]!)));

        // Resume after a client crash: a later poll of the same id still finds the job.
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("Ready", (string)(await PollAsync(http, pollingUrl))["status"]!);
    }

    [Fact]
    public async Task Sample_url_expires_ten_minutes_after_ready()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Time = clock });
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-dev", new { prompt = "p" }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        clock.Advance(TimeSpan.FromMinutes(11));
        using var late = await http.GetAsync((string)ready["result"]!["sample"]!);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, late.StatusCode);
    }
}
