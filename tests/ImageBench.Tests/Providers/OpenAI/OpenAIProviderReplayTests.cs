using System.Net;
using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.OpenAI;

/// <summary>The OpenAI adapter against recorded openai-dotnet sessions (real traffic; b64 sanitised to a 1x1 PNG).</summary>
public sealed class OpenAIProviderReplayTests : IDisposable
{
    private const string Dalle3Dir = "openai-dotnet-dalle3-65d5703f";
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static bool ImagesOnly(string uri) => uri.EndsWith("/v1/images/generations", StringComparison.Ordinal);

    private Task<GenerationResult> Run(GenerationRequest request, AttemptRecorder rec) =>
        _h.Clock.RunAsync(() => _h.Registry.For("openai").GenerateAsync(request, rec, CancellationToken.None));

    [Fact]
    public async Task GptImage1Works_reads_usage_server_time_and_image()
    {
        _h.Handler.SessionRecord(Fixtures.Path("openai", Dalle3Dir, "GptImage1Works.json"), ImagesOnly, serverTime: TimeSpan.FromMilliseconds(30_500));
        var model = ProviderHarness.Model("openai", "gpt-image-1", "https://api.openai.com", new Dictionary<string, string>
        {
            ["output_format"] = "webp", ["output_compression"] = "42", ["moderation"] = "low", ["background"] = "transparent",
            ["response_format"] = "b64_json",
        });
        var rec = _h.NewRecorder();

        var result = await Run(new GenerationRequest(model, "An isolated stop sign.", 1024, 1536, new ApiKey("sk-test-123")), rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Equal(30486, result.ServerMs);
        Assert.Equal("openai-processing-ms", result.ServerMsSource);
        Assert.Equal("Sanitized", result.ProviderRequestId);
        Assert.Equal("image/webp", result.DeclaredContentType);
        Assert.Equal(new TokenUsage(InputTextTokens: 22, InputImageTokens: 0, OutputImageTokens: null, OutputTextTokens: null,
            InputTokens: 22, OutputTokens: 3168, TotalTokens: 3190), result.Usage);
        Assert.Null(result.RevisedPrompt);

        var sent = Assert.Single(_h.Handler.Requests);
        Assert.Equal("Bearer sk-test-123", sent.Headers["Authorization"]);
        var body = sent.BodyJson;
        Assert.Equal("gpt-image-1", (string?)body["model"]);
        Assert.Equal(1, (int?)body["n"]);
        Assert.Equal("1024x1536", (string?)body["size"]);
        Assert.Equal(JsonValueKind.Number, body["output_compression"]!.GetValueKind());
        Assert.Equal(42, (int?)body["output_compression"]);
        Assert.False(body.ContainsKey("response_format"), "gpt-image models reject response_format");
        Assert.Equal(sent.Body, result.Request!.ToJsonString());
        Assert.DoesNotContain("sk-test-123", result.Request.ToJsonString(), StringComparison.Ordinal);

        var (phases, latency) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(30_500, phases[0].DurationMs);
        Assert.Equal(30_500, latency);
    }

    [Fact]
    public async Task BasicGenerationWorks_dalle3_downloads_the_url_without_the_key()
    {
        _h.Handler.SessionRecord(Fixtures.Path("openai", Dalle3Dir, "BasicGenerationWorks.json"), ImagesOnly, serverTime: TimeSpan.FromMilliseconds(11_505));
        var served = ProviderHarness.Png1x1.Concat(new byte[] { 1, 2, 3 }).ToArray();
        _h.Handler.Bytes(served, "image/png", serverTime: TimeSpan.FromMilliseconds(300));
        var model = ProviderHarness.Model("openai", "dall-e-3", "https://api.openai.com");
        var rec = _h.NewRecorder();

        var result = await Run(new GenerationRequest(model, "An isolated stop sign.", 1024, 1024, new ApiKey("sk-test-123")), rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(served, result.ImageBytes);
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.StartsWith("Visualize an isolated traffic stop sign.", result.RevisedPrompt, StringComparison.Ordinal);
        Assert.Equal(11505, result.ServerMs);
        Assert.Equal(2, _h.Handler.Requests.Count);
        var download = _h.Handler.Requests[1];
        Assert.Equal("oaidalleapiprodscus.blob.core.windows.net", download.Uri.Host);
        Assert.Contains("sig=Sanitized", download.Uri.Query, StringComparison.Ordinal);
        Assert.False(download.Headers.ContainsKey("Authorization"), "the key must never go to the blob host");

        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(11_505, phases[0].DurationMs);
        Assert.Equal(300, phases[1].DurationMs);
    }

    [Theory]
    [InlineData("GenerationWithBytesResponseWorks.trimmed.json", "An illustration of an isolated stop sign.")]
    [InlineData("GenerationWithBytesResponseWorksAsync.json", "Depict a solitary stop sign.")]
    public async Task GenerationWithBytesResponseWorks_decodes_b64_and_revised_prompt(string file, string revisedStart)
    {
        _h.Handler.SessionRecord(Fixtures.Path("openai", Dalle3Dir, file), ImagesOnly);
        var model = ProviderHarness.Model("openai", "dall-e-3", "https://api.openai.com", new Dictionary<string, string> { ["response_format"] = "b64_json" });

        var result = await Run(new GenerationRequest(model, "An isolated stop sign.", 1024, 1024, new ApiKey("k")), _h.NewRecorder());

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.StartsWith(revisedStart, result.RevisedPrompt, StringComparison.Ordinal);
        Assert.Equal("b64_json", (string?)Assert.Single(_h.Handler.Requests).BodyJson["response_format"]);
    }

    [Theory]
    [InlineData("openai-dotnet", "ImagesTests__GenerateImageCanParseServiceError.json")]
    [InlineData("openai-dotnet", "ImagesTests__GenerateImagesCanParseServiceErrorAsync.json")]
    [InlineData(Dalle3Dir, "GenerateImageCanParseServiceError.json")]
    public async Task Recorded_401_is_a_provider_error_in_openais_words_without_the_key(string dir, string file)
    {
        _h.Handler.SessionRecord(Fixtures.Path("openai", dir, file), ImagesOnly);
        var model = ProviderHarness.Model("openai", "gpt-image-1", "https://api.openai.com");
        // The recorded message echoes the key it was given ("fake_key"); the adapter must scrub it.
        var result = await Run(new GenerationRequest(model, "An isolated stop sign.", 1024, 1024, new ApiKey("fake_key")), _h.NewRecorder());

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal(401, result.HttpStatus);
        Assert.Contains("Incorrect API key provided", result.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid_api_key", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("fake_key", JsonSerializer.Serialize(result), StringComparison.Ordinal);
        Assert.Single(_h.Handler.Requests); // 401 is never retried
    }
}
