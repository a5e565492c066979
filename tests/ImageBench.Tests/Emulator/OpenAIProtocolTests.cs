using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using SkiaSharp;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class OpenAIProtocolTests
{
    [Fact]
    public async Task Success_body_has_the_recorded_shape_and_a_decodable_image()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "A red \"STOP\" sign", size = "1024x1024", quality = "high" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        // Keys of openai-dotnet GptImage1Works.json (2025) plus output_tokens_details from the 2026 recordings.
        Assert.Equal(["background", "created", "data", "output_format", "quality", "size", "usage"], body.Select(p => p.Key).Order());
        var usage = body["usage"]!.AsObject();
        Assert.Equal(["input_tokens", "input_tokens_details", "output_tokens", "output_tokens_details", "total_tokens"], usage.Select(p => p.Key).Order());
        Assert.Equal(4160, (int)usage["output_tokens"]!);
        Assert.Equal((int)usage["input_tokens"]! + 4160, (int)usage["total_tokens"]!);
        Assert.Equal("png", (string)body["output_format"]!);
        Assert.Equal("1024x1024", (string)body["size"]!);
        Assert.True(response.Headers.Contains("openai-processing-ms"));
        Assert.StartsWith("req_", response.Headers.GetValues("x-request-id").Single(), StringComparison.Ordinal);
        Assert.Equal("2020-10-01", response.Headers.GetValues("openai-version").Single());

        var bytes = Convert.FromBase64String((string)body["data"]![0]!["b64_json"]!);
        Assert.Equal("png", FormatOf(bytes));
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.Equal(1024, codec.Info.Width);
        Assert.Equal(["STOP"], RenderedTextHeader.Parse(response.Headers.GetValues(RenderedTextHeader.Name).Single()));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task Requested_output_format_is_what_the_bytes_are(string format)
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-1", prompt = "cat", output_format = format, size = "1536x1024", n = 2 }));
        var body = await JsonAsync(response);
        var data = body["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.All(data, d => Assert.Equal(format, FormatOf(Convert.FromBase64String((string)d!["b64_json"]!))));
        Assert.Equal(2 * 6240, (int)body["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Missing_key_is_401_with_the_real_error_envelope()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "x" }, key: null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await JsonAsync(response))["error"]!.AsObject();
        Assert.Equal(["code", "message", "param", "type"], error.Select(p => p.Key).Order());
        Assert.Equal("invalid_api_key", (string)error["code"]!);
        Assert.Equal("invalid_request_error", (string)error["type"]!);
        Assert.Equal(0, server.Stats.OpenAIGenerations("gpt-image-2"));
        Assert.Equal(1, server.Stats.RequestsWithoutKey);
    }

    [Fact]
    public async Task Response_format_is_rejected_for_gpt_image_models()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "x", response_format = "b64_json" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("response_format", (string)(await JsonAsync(response))["error"]!["param"]!);
    }

    [Fact]
    public async Task Dalle3_returns_a_url_on_the_delivery_host_that_serves_the_image()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "dall-e-3", prompt = "a lighthouse" }));
        var item = (await JsonAsync(response))["data"]![0]!;
        var url = new Uri((string)item["url"]!);
        Assert.Equal(server.DeliveryBaseUrl.Host, url.Host);
        Assert.Equal("a lighthouse", (string)item["revised_prompt"]!);
        var bytes = await http.GetByteArrayAsync(url);
        Assert.Equal("png", FormatOf(bytes));
        Assert.Equal(1, server.Stats.Deliveries);
    }

    [Fact]
    public async Task Refused_prompt_gets_moderation_blocked_every_time()
    {
        await using var server = await StartAsync(o => o.WithProfile("gpt-image-2", new ModelProfile { Failures = new() { RefusalRate = 1 } }));
        using var http = Client();
        for (int i = 0; i < 2; i++)
        {
            using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "something" }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await JsonAsync(response))["error"]!;
            Assert.Equal("moderation_blocked", (string)error["code"]!);
            Assert.Equal("image_generation_user_error", (string)error["type"]!);
            Assert.Equal("input", (string)error["moderation_details"]!["moderation_stage"]!);
        }
        Assert.Equal(2, server.Stats.Refusals);
    }

    [Fact]
    public async Task Rate_limit_carries_retry_after_and_the_retry_succeeds()
    {
        var failures = new FailureInjection { RateLimitRate = 1, RetryAfterSeconds = 2 };
        await using var server = await StartAsync(o => o.WithProfile("gpt-image-2", new ModelProfile { Failures = failures }) with { TimeScale = 0.25 });
        using var http = Client();
        using var first = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "retry me" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter!.Delta); // 2 s × 0.25 = 0.5 s, rounded up
        Assert.Equal("500", first.Headers.GetValues("retry-after-ms").Single());
        Assert.Equal("rate_limit_exceeded", (string)(await JsonAsync(first))["error"]!["code"]!);

        using var retry = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "retry me" }));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, server.Stats.InjectedFailures);
        Assert.Equal(2, server.Stats.OpenAIGenerations("gpt-image-2"));
    }
}
