using System.Net;
using ImageBench.Emulator;
using ImageBench.Emulator.Faults;
using ImageBench.Providers.Http;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>GET /_emulator/stats: the counters another process (a killed and resumed run) can read.</summary>
public sealed class StatsEndpointTests
{
    private static async Task<EmulatorStatsSnapshot> StatsAsync(HttpClient http, EmulatorServer server)
    {
        using var response = await http.GetAsync(new Uri(server.BaseUrl, EmulatorServer.StatsPath.TrimStart('/')));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        // The documented wire names, as another process reads them (docs/emulator.md "Counters").
        var raw = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        Assert.Equal(["billed", "calls", "deliveries", "deliveries_with_credentials", "faults", "faults_injected", "models", "polls", "refusals", "requests_with_key", "requests_without_key", "seed", "submissions", "time_scale"],
            raw.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (_, model) in raw["models"]!.AsObject())
            Assert.Equal(["billed", "deliveries", "faults", "polls", "protocol", "refusals", "submissions"], model!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        return EmulatorStatsSnapshot.FromJson(json);
    }

    [Fact]
    public async Task Counts_calls_submissions_billing_polls_deliveries_and_faults_per_model()
    {
        await using var server = await FaultLab.StartAsync("flux-pro-1.1", FaultKind.RateLimit);
        using var http = Client();
        using var limited = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p", width = 256, height = 256 }));
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p", width = 256, height = 256 }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        (await http.GetByteArrayAsync((string)ready["result"]!["sample"]!)).AsSpan();

        var stats = await StatsAsync(http, server);

        Assert.Equal((4, 2, 1, 1, 1), (stats.Calls, stats.Submissions, stats.Billed, stats.Polls, stats.Deliveries));
        Assert.Equal(1, stats.Faults["429"]);
        var flux = stats.Models["flux-pro-1.1"];
        Assert.Equal(("bfl", 2, 1, 1, 1), (flux.Protocol, flux.Submissions, flux.Billed, flux.Polls, flux.Deliveries));
        Assert.Equal(1, flux.Faults["429"]);
        Assert.Equal(0, stats.TimeScale);
    }

    [Fact]
    public async Task A_duplicate_paid_submission_shows_as_more_billed_than_slots()
    {
        await using var server = await StartAsync();
        using var http = Client();
        for (var i = 0; i < 2; i++)
        {
            using var response = await http.SendAsync(FaultLab.Ark(server, "b64_json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var ark = (await StatsAsync(http, server)).Models["seedream-4-0-250828"];

        Assert.Equal(("ark", 2, 2), (ark.Protocol, ark.Submissions, ark.Billed));
    }

    [Fact]
    public async Task Every_answer_of_both_hosts_says_it_is_emulated_with_the_time_scale()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0.25));
        using var http = Client();
        using var generated = await http.SendAsync(FaultLab.Ideogram(server));
        using var delivered = await http.GetAsync((string)(await JsonAsync(generated))["data"]![0]!["url"]!);
        using var notFound = await http.GetAsync(new Uri(server.BaseUrl, "v1/predictions/nope"));

        foreach (var response in new[] { generated, delivered, notFound })
            Assert.Equal("0.25", response.Headers.GetValues(EmulatorMark.Header).Single());
    }
}
