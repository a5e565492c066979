using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Ideogram;

namespace ImageBench.Tests.Providers.Ideogram;

/// <summary>
/// No Ideogram capture exists: these follow its documented v3 contract (multipart, Api-Key header, data[0] with
/// url/is_image_safe/resolution/seed, url null when unsafe). Error bodies are assumed shapes.
/// </summary>
public sealed class IdeogramProviderContractTests : IDisposable
{
    private const string Ephemeral = "https://ideogram.ai/api/images/ephemeral/abc.png?exp=1760000000&signature=xyz";
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<GenerationResult> Run(IReadOnlyDictionary<string, string>? options = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("ideogram").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("ideogram", "ideogram-v3", "https://api.ideogram.ai/", options), "a \"CAFE\" sign", 1024, 1024, new ApiKey("ideo-secret")),
            _h.NewRecorder(), default));

    [Fact]
    public async Task Safe_image_is_fetched_at_once_without_the_api_key()
    {
        _h.Handler.Json(HttpStatusCode.OK, $$"""{"created":"2026-11-23T12:00:00Z","data":[{"prompt":"A cafe sign reading \"CAFE\"","resolution":"1024x1024","is_image_safe":true,"seed":12345,"style_type":"GENERAL","url":"{{Ephemeral}}"}]}""",
            new Uri("https://api.ideogram.ai/v1/ideogram-v3/generate"));
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png", new Uri(Ephemeral));

        var result = await Run(new Dictionary<string, string> { ["rendering_speed"] = "TURBO" });

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Equal("A cafe sign reading \"CAFE\"", result.RevisedPrompt);
        Assert.Equal("12345", result.Seed);
        Assert.Equal("ideo-secret", _h.Handler.Requests[0].Headers["Api-Key"]);
        Assert.False(_h.Handler.Requests[0].Headers.ContainsKey("Authorization"));
        Assert.False(_h.Handler.Requests[1].Headers.ContainsKey("Api-Key"));
        Assert.StartsWith("multipart/form-data", _h.Handler.Requests[0].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("""{"prompt":"a \u0022CAFE\u0022 sign","resolution":"1024x1024","num_images":"1","rendering_speed":"TURBO"}""", result.Request!.ToJsonString());
    }

    [Fact]
    public async Task Unsafe_image_is_a_refusal_and_nothing_is_downloaded()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"created":"2026-11-23T12:00:00Z","data":[{"prompt":"p","resolution":"1024x1024","is_image_safe":false,"seed":9,"url":null}]}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Contains("is_image_safe false", result.Reason, StringComparison.Ordinal);
        Assert.Equal("9", result.Seed); // kept on the refusal too: the seed is what a re-roll needs
        Assert.Single(_h.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.UnprocessableEntity, """{"error":"Prompt failed the safety check"}""", AttemptOutcome.Refused)]
    [InlineData(HttpStatusCode.BadRequest, """{"error":"Invalid resolution"}""", AttemptOutcome.ProviderError)]
    [InlineData(HttpStatusCode.Unauthorized, """{"detail":"Unauthorized"}""", AttemptOutcome.ProviderError)]
    public async Task Errors_are_classified(HttpStatusCode status, string body, AttemptOutcome expected)
    {
        _h.Handler.Json(status, body);
        Assert.Equal(expected, (await Run()).Outcome);
    }

    [Fact]
    public async Task Aspect_ratio_option_replaces_the_resolution()
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, """{"error":"stop here"}""");
        var result = await Run(new Dictionary<string, string> { ["aspect_ratio"] = "16x9" });
        Assert.False(result.Request!.ContainsKey("resolution"));
        Assert.Equal("16x9", (string)result.Request["aspect_ratio"]!);
    }

    [Theory]
    [InlineData("""{"data":[{"is_image_safe":true,"url":null}]}""")]
    [InlineData("""{"data":[{"url":"javascript:1"}]}""")]
    [InlineData("""{"data":[]}""")]
    public void Garbage_is_a_reason(string body) =>
        Assert.NotNull(IdeogramResponseParser.Parse(System.Text.Encoding.UTF8.GetBytes(body)).Failure);
}
