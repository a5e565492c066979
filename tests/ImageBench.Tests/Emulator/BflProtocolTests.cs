using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class BflProtocolTests
{
    [Fact]
    public async Task Submit_poll_ready_download_follows_the_recorded_flow()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "a \"HELLO\" sign", width = 1024, height = 768 }));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var accepted = await JsonAsync(submit);
        Assert.Equal(["id", "polling_url"], accepted.Select(p => p.Key).Order());

        var pollingUrl = new Uri((string)accepted["polling_url"]!);
        Assert.True(pollingUrl.IsAbsoluteUri);
        Assert.Equal(server.BaseUrl.Authority, pollingUrl.Authority);
        Assert.Equal("/v1/get_result", pollingUrl.AbsolutePath);

        var ready = await PollAsync(http, pollingUrl.AbsoluteUri);
        Assert.Equal("Ready", (string)ready["status"]!);
        Assert.Equal(["details", "id", "preview", "progress", "result", "status"], ready.Select(p => p.Key).Order());
        var result = ready["result"]!.AsObject();
        Assert.Equal(["duration", "end_time", "prompt", "sample", "seed", "start_time"], result.Select(p => p.Key).Order());

        var sample = new Uri((string)result["sample"]!);
        Assert.Equal(server.DeliveryBaseUrl.Authority, sample.Authority);
        Assert.EndsWith("/sample.webp", sample.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("se=", sample.Query, StringComparison.Ordinal);
        Assert.Contains("sig=", sample.Query, StringComparison.Ordinal);

        using var download = await http.GetAsync(sample);
        Assert.Equal("image/webp", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("webp", FormatOf(await download.Content.ReadAsByteArrayAsync())); // the article's profile: WebP
        Assert.Equal(server.RenderedStrings("flux-pro-1.1", "a \"HELLO\" sign"), RenderedTextHeader.Parse(download.Headers.GetValues(RenderedTextHeader.Name).Single()));
        Assert.Equal(1, server.Stats.BflSubmits("flux-pro-1.1"));
        Assert.Equal(1, server.Stats.Polls);
        Assert.Equal(1, server.Stats.Deliveries);
        Assert.Equal(0, server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Requested_output_format_overrides_the_profile()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-dev", new { prompt = "p", output_format = "png" }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        var bytes = await http.GetByteArrayAsync((string)ready["result"]!["sample"]!);
        Assert.Equal("png", FormatOf(bytes));
    }

    [Fact]
    public async Task Delivery_requests_carrying_a_key_are_counted()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-dev", new { prompt = "p" }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        using var leaky = new HttpRequestMessage(HttpMethod.Get, (string)ready["result"]!["sample"]!);
        leaky.Headers.Add("x-key", "bfl-test");
        using var response = await http.SendAsync(leaky);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Unknown_id_is_task_not_found()
    {
        await using var server = await StartAsync();
        using var http = Client();
        var status = await PollAsync(http, new Uri(server.BaseUrl, "v1/get_result?id=does-not-exist").AbsoluteUri);
        Assert.Equal("Task not found", (string)status["status"]!);
    }

    [Theory]
    [InlineData(1000, "multiple_of")]
    [InlineData(128, "greater_than_equal")]
    [InlineData(2048, "less_than_equal")]
    public async Task Bad_width_is_a_fastapi_422(int width, string type)
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p", width, height = 1024 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await JsonAsync(response))["detail"]![0]!;
        Assert.Equal(type, (string)detail["type"]!);
        Assert.Equal("width", (string)detail["loc"]![1]!);
        Assert.Equal(0, server.Stats.BflSubmits("flux-pro-1.1"));
    }

    [Fact]
    public async Task Missing_key_is_rejected()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p" }, key: null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Refused_job_reports_request_moderated_with_reasons()
    {
        await using var server = await StartAsync(o => o.WithProfile("flux-pro-1.1", new ModelProfile { Failures = new() { RefusalRate = 1 } }));
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p" }));
        var status = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        Assert.Equal("Request Moderated", (string)status["status"]!);
        Assert.NotEmpty(status["details"]!["Moderation Reasons"]!.AsArray());
        Assert.Equal(1, server.Stats.Refusals);
    }

    [Fact]
    public async Task Rate_limited_submit_then_retry_succeeds_and_both_are_counted()
    {
        await using var server = await StartAsync(o => o.WithProfile("flux-pro-1.1", new ModelProfile { Failures = new() { RateLimitRate = 1 } }));
        using var http = Client();
        using var first = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.True(first.Headers.Contains("Retry-After"));
        Assert.Equal("1", first.Headers.GetValues("retry-after-ms").Single()); // TimeScale 0: the floor of 1 ms
        using var retry = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = "p" }));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, server.Stats.BflSubmitsForPrompt("p"));
    }

    [Fact]
    public async Task Delivery_paths_are_not_served_on_the_api_host()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-dev", new { prompt = "p" }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        var sample = new Uri((string)ready["result"]!["sample"]!);
        using var wrongHost = await http.GetAsync(new Uri(server.BaseUrl, sample.PathAndQuery));
        Assert.Equal(HttpStatusCode.NotFound, wrongHost.StatusCode);
    }
}
