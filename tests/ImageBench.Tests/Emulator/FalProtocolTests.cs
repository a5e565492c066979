using System.Net;
using System.Net.Http.Json;
using ImageBench.Emulator;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

/// <summary>The emulator's fal queue spoken to over raw HTTP: paths, auth, validation, the documented shapes.</summary>
public sealed class FalProtocolTests
{
    private static HttpRequestMessage Submit(EmulatorServer server, string app, object body, string? key = "fal-test")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, app)) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", "Key " + key);
        return request;
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> GetAsync(HttpClient http, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        get.Headers.TryAddWithoutValidation("Authorization", "Key fal-test");
        using var response = await http.SendAsync(get);
        Assert.Equal(expected, response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Submit_status_result_follow_the_documented_queue()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var submit = await http.SendAsync(Submit(server, "fal-ai/flux-pro/v1.1", new { prompt = "a \"HI\" sign", image_size = "landscape_16_9", output_format = "png" }));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var accepted = await JsonAsync(submit);
        Assert.Equal(["cancel_url", "queue_position", "request_id", "response_url", "status", "status_url"], accepted.Select(p => p.Key).Order());
        var id = (string)accepted["request_id"]!;
        // Like fal, the request URLs drop the app's sub-path.
        Assert.Equal(new Uri(server.BaseUrl, $"fal-ai/flux-pro/requests/{id}").AbsoluteUri, (string)accepted["response_url"]!);

        var status = await GetAsync(http, (string)accepted["status_url"]!);
        Assert.Equal("COMPLETED", (string)status["status"]!); // time scale 0: done at once
        var result = await GetAsync(http, (string)accepted["response_url"]!);
        var image = result["images"]![0]!;
        Assert.Equal((1024, 576, "image/png"), ((int)image["width"]!, (int)image["height"]!, (string)image["content_type"]!));
        Assert.Equal(server.DeliveryBaseUrl.Authority, new Uri((string)image["url"]!).Authority);
        Assert.False((bool)result["has_nsfw_concepts"]![0]!);
        Assert.True(result["seed"]!.GetValue<ulong>() > long.MaxValue); // fal's seeds exceed Int64, as recorded
        Assert.Equal("png", FormatOf(await http.GetByteArrayAsync((string)image["url"]!)));
        Assert.Equal(1, server.Stats.Submits("fal", "fal-ai/flux-pro/v1.1"));
    }

    [Fact]
    public async Task Missing_key_is_401_and_bad_input_422_with_fastapi_details()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var noKey = await http.SendAsync(Submit(server, "fal-ai/flux-pro/v1.1", new { prompt = "p" }, key: null));
        using var noPrompt = await http.SendAsync(Submit(server, "fal-ai/flux-pro/v1.1", new { image_size = "square_hd" }));
        using var badFormat = await http.SendAsync(Submit(server, "fal-ai/flux-pro/v1.1", new { prompt = "p", output_format = "gif" }));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPrompt.StatusCode);
        Assert.Equal("""["body","prompt"]""", (await JsonAsync(noPrompt))["detail"]![0]!["loc"]!.ToJsonString());
        Assert.Equal("output_format", (string)(await JsonAsync(badFormat))["detail"]![0]!["loc"]![1]!);
        Assert.Equal(0, server.Stats.Submits("fal", "fal-ai/flux-pro/v1.1"));
    }

    [Fact]
    public async Task Result_before_completion_is_400_and_unknown_ids_404()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Time = clock,
            Profiles = new Dictionary<string, ModelProfile> { ["fal-ai/flux-pro/v1.1"] = new() { Latency = new(10, 10, 10) } },
        });
        using var http = Client();
        using var submit = await http.SendAsync(Submit(server, "fal-ai/flux-pro/v1.1", new { prompt = "p" }));
        var accepted = await JsonAsync(submit);

        Assert.Equal("IN_QUEUE", (string)(await GetAsync(http, (string)accepted["status_url"]!))["status"]!);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("IN_PROGRESS", (string)(await GetAsync(http, (string)accepted["status_url"]!))["status"]!);
        await GetAsync(http, (string)accepted["response_url"]!, HttpStatusCode.BadRequest);
        clock.Advance(TimeSpan.FromSeconds(5));
        var done = await GetAsync(http, (string)accepted["status_url"]!);
        Assert.Equal(9.0, (double)done["metrics"]!["inference_time"]!, 3);
        await GetAsync(http, new Uri(server.BaseUrl, "fal-ai/flux-pro/requests/nope/status").AbsoluteUri, HttpStatusCode.NotFound);
    }
}
