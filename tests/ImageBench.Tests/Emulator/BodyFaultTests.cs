using System.Net;
using System.Text.Json;
using ImageBench.Emulator;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class BodyFaultTests
{
    private static Task<EmulatorServer> StartWith(FailureInjection failures) =>
        StartAsync(o => o.WithProfile("gpt-image-2", new ModelProfile { Failures = failures }));

    [Fact]
    public async Task Truncated_body_breaks_the_read_and_the_retry_is_clean()
    {
        await using var server = await StartWith(new FailureInjection { TruncatedBodyRate = 1 });
        using var http = Client();
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () =>
        {
            using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "t" }));
            await response.Content.ReadAsByteArrayAsync();
        });
        using var retry = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "t" }));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).Dispose();
    }

    [Fact]
    public async Task Garbage_body_is_200_but_not_json()
    {
        await using var server = await StartWith(new FailureInjection { GarbageBodyRate = 1 });
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "g" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        Assert.Equal(1, server.Stats.InjectedFailures);
    }

    [Fact]
    public async Task Slow_body_still_delivers_the_whole_body()
    {
        await using var server = await StartWith(new FailureInjection { SlowBodyRate = 1 });
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "s" }));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("data")[0].GetProperty("b64_json").GetString()!.Length > 10_000);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.InternalServerError)]
    [InlineData(false, HttpStatusCode.ServiceUnavailable)]
    public async Task Server_errors_use_the_standard_envelope(bool is500, HttpStatusCode expected)
    {
        await using var server = await StartWith(is500 ? new FailureInjection { ServerErrorRate = 1 } : new FailureInjection { UnavailableRate = 1 });
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-2", prompt = "e" }));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("server_error", (string)(await JsonAsync(response))["error"]!["type"]!);
    }
}
