using System.Net;
using System.Net.Http.Json;
using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

/// <summary>The emulator's Gemini generateContent and Imagen :predict over raw HTTP.</summary>
public sealed class GoogleProtocolTests
{
    private static HttpRequestMessage Post(EmulatorServer server, string path, object body, string? key = "AIza-test")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, path)) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.TryAddWithoutValidation("x-goog-api-key", key);
        return request;
    }

    private static object Gemini(string prompt, object? imageConfig = null) => new
    {
        contents = new[] { new { role = "user", parts = new[] { new { text = prompt } } } },
        generationConfig = new { responseModalities = new[] { "TEXT", "IMAGE" }, imageConfig },
    };

    [Fact]
    public async Task Generate_content_answers_in_the_recorded_shape()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Post(server, "v1beta/models/gemini-3-pro-image-preview:generateContent", Gemini("a \"HI\" sign", new { aspectRatio = "16:9" })));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("gfet4t7; dur=", response.Headers.GetValues("server-timing").Single(), StringComparison.Ordinal);
        var body = await JsonAsync(response);
        var parts = body["candidates"]![0]!["content"]!["parts"]!.AsArray();
        Assert.NotNull(parts[0]!["text"]);
        var inline = parts[1]!["inlineData"]!;
        Assert.Equal("image/jpeg", (string)inline["mimeType"]!); // 3-pro answered JPEG in the recording
        Assert.Equal("jpeg", FormatOf(Convert.FromBase64String((string)inline["data"]!)));
        var usage = body["usageMetadata"]!;
        Assert.Equal(1120, (int)usage["candidatesTokensDetails"]![0]!["tokenCount"]!);
        Assert.True((int)usage["candidatesTokenCount"]! > 1120); // the caption's tokens are counted but not listed, as recorded
        Assert.Equal(server.RenderedStrings("gemini-3-pro-image-preview", "a \"HI\" sign"),
            RenderedTextHeader.Parse(response.Headers.GetValues(RenderedTextHeader.Name).Single()));
    }

    [Fact]
    public async Task Text_only_modalities_get_a_text_answer()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var response = await http.SendAsync(Post(server, "v1beta/models/gemini-2.5-flash-image:generateContent",
            new { contents = new[] { new { parts = new[] { new { text = "tell me" } } } } }));
        var body = await JsonAsync(response);
        Assert.Single(body["candidates"]![0]!["content"]!["parts"]!.AsArray());
        Assert.Null(body["usageMetadata"]!["candidatesTokensDetails"]);
    }

    [Fact]
    public async Task Missing_key_is_403_and_bad_ratio_400_in_googles_envelope()
    {
        await using var server = await StartAsync();
        using var http = Client();
        using var noKey = await http.SendAsync(Post(server, "v1beta/models/gemini-2.5-flash-image:generateContent", Gemini("p"), key: null));
        using var badRatio = await http.SendAsync(Post(server, "v1beta/models/gemini-2.5-flash-image:generateContent", Gemini("p", new { aspectRatio = "7:1" })));
        using var badMethod = await http.SendAsync(Post(server, "v1beta/models/gemini-2.5-flash-image:countTokens", Gemini("p")));
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal("PERMISSION_DENIED", (string)(await JsonAsync(noKey))["error"]!["status"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badRatio.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", (string)(await JsonAsync(badRatio))["error"]!["status"]!);
        Assert.Equal(HttpStatusCode.NotFound, badMethod.StatusCode);
    }

    [Fact]
    public async Task Vertex_path_accepts_a_bearer_token()
    {
        await using var server = await StartAsync();
        using var http = Client();
        var request = Post(server, "v1beta1/projects/p/locations/global/publishers/google/models/gemini-2.5-flash-image:generateContent", Gemini("p"), key: null);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ya29.token");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Imagen_predict_answers_with_base64_predictions_or_a_filter_reason()
    {
        await using var server = await StartAsync(o => o.WithProfile("imagen-refuses", new ModelProfile { Failures = new() { RefusalRate = 1 } }));
        using var http = Client();
        var body = new { instances = new[] { new { prompt = "p" } }, parameters = new { sampleCount = 1, aspectRatio = "4:3", includeRaiReason = true } };
        using var ok = await http.SendAsync(Post(server, "v1beta/models/imagen-4.0-generate-001:predict", body));
        using var refused = await http.SendAsync(Post(server, "v1beta/models/imagen-refuses:predict", body));
        using var silent = await http.SendAsync(Post(server, "v1beta/models/imagen-refuses:predict", new { instances = new[] { new { prompt = "p" } } }));

        var prediction = (await JsonAsync(ok))["predictions"]![0]!;
        Assert.Equal("image/png", (string)prediction["mimeType"]!);
        var bytes = Convert.FromBase64String((string)prediction["bytesBase64Encoded"]!);
        Assert.Equal("png", FormatOf(bytes));
        Assert.NotNull((await JsonAsync(refused))["predictions"]![0]!["raiFilteredReason"]);
        Assert.Equal("{}", await silent.Content.ReadAsStringAsync());
        Assert.Equal(3, server.Stats.TotalSubmits("imagen"));
    }
}
