using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

/// <summary>Protocol details of the synchronous second-wave endpoints (OpenRouter, Ark, Stability, Ideogram, Recraft).</summary>
public sealed class SyncProtocolsTests
{
    private static HttpRequestMessage Post(ImageBench.Emulator.EmulatorServer server, string path, HttpContent content, string? bearer = "k")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, path)) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    [Theory]
    [InlineData("api/v1/chat/completions")]
    [InlineData("api/v3/images/generations")]
    [InlineData("recraft/v1/images/generations")]
    public async Task Json_endpoints_reject_a_missing_key(string path)
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Post(server, path, JsonContent.Create(new { model = "m", prompt = "p" }), bearer: null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, server.Stats.RequestsWithoutKey);
    }

    [Fact]
    public async Task Ark_rejects_a_bad_size_with_its_real_sentence()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Post(server, "api/v3/images/generations", JsonContent.Create(new { model = "seedream-4-0-250828", prompt = "p", size = "huge" })));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("size must be one of 'WIDTHxHEIGHT'", (string)(await JsonAsync(response))["error"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stability_requires_multipart_and_answers_raw_bytes_with_headers()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var json = await http.SendAsync(Post(server, "v2beta/stable-image/generate/core", JsonContent.Create(new { prompt = "p" })));
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);

        using var form = new MultipartFormDataContent { { new StringContent("p"), "prompt" }, { new StringContent("jpeg"), "output_format" } };
        var request = Post(server, "v2beta/stable-image/generate/ultra", form);
        request.Headers.Accept.ParseAdd("image/*");
        using var image = await http.SendAsync(request);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("SUCCESS", image.Headers.GetValues("finish-reason").Single());
        Assert.Equal("jpeg", FormatOf(await image.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Ideogram_key_sent_to_the_delivery_host_is_counted()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var form = new MultipartFormDataContent { { new StringContent("p"), "prompt" } };
        var request = Post(server, "v1/ideogram-v3/generate", form, bearer: null);
        request.Headers.Add("Api-Key", "ideo");
        using var response = await http.SendAsync(request);
        var url = (string)(await JsonAsync(response))["data"]![0]!["url"]!;
        using var leaky = new HttpRequestMessage(HttpMethod.Get, url);
        leaky.Headers.Add("Api-Key", "ideo");
        using var download = await http.SendAsync(leaky);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(1, server.Stats.DeliveriesWithCredentials);
    }

    [Fact]
    public async Task Bare_images_path_still_serves_openai_models()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(OpenAIRequest(server, new { model = "gpt-image-1-mini", prompt = "p", size = "1024x1024" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 0), (server.Stats.TotalOpenAIGenerations, server.Stats.Generations("recraft")));
    }

    [Fact]
    public async Task OpenRouter_without_the_image_modality_answers_text_only()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Post(server, "api/v1/chat/completions",
            JsonContent.Create(new { model = "google/gemini-2.5-flash-image", messages = new[] { new { role = "user", content = "p" } } })));
        var message = (await JsonAsync(response))["choices"]![0]!["message"]!.AsObject();
        Assert.False(message.ContainsKey("images"));
        Assert.NotNull((string?)message["content"]);
    }
}
