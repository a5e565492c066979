using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Images;
using ImageBench.Providers;
using ImageBench.Running;
using ImageBench.Tests.Support;
using SkiaSharp;

namespace ImageBench.Tests.Providers.Gemini;

/// <summary>
/// The Gemini adapter against every recorded generateContent exchange in fixtures/gemini/pydantic-ai (REAL VCR,
/// base64 image data and thought signatures trimmed by the collector; the trimmed data is replaced by a tiny image
/// of the recorded type so the adapter has something to decode).
/// </summary>
public sealed class GeminiProviderReplayTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static IReadOnlyList<VcrInteraction> Cassette(string name) => VcrCassette.Load(Fixtures.Path("gemini", "pydantic-ai", name + ".TRIMMED.yaml"));

    /// <summary>The recorded body with each trimmed inlineData replaced by a decodable image of the same type.</summary>
    private static string Untrimmed(VcrInteraction i)
    {
        var body = i.ResponseJson!.AsObject();
        foreach (var part in body["candidates"]?[0]?["content"]?["parts"]?.AsArray() ?? [])
        {
            if (part?["inlineData"] is JsonObject inline)
                inline["data"] = Convert.ToBase64String((string)inline["mimeType"]! == "image/jpeg" ? TestImages.Encode(8, 8, SKEncodedImageFormat.Jpeg) : TestImages.Png(8, 8));
            if (part is JsonObject p) p.Remove("thoughtSignature");
        }
        return body.ToJsonString();
    }

    private static GenerationRequest Request(string model, string prompt, string baseUrl = "https://generativelanguage.googleapis.com/",
        Dictionary<string, string>? options = null) =>
        new(ProviderHarness.Model("gemini", model, baseUrl, options), prompt, 1024, 1024, new ApiKey("gemini-secret"));

    [Fact]
    public async Task Gemini_3_pro_story_with_image_gives_jpeg_tokens_by_modality_server_time_and_cost()
    {
        var recorded = Assert.Single(Cassette("test_google_image_generation_with_text"));
        _h.Handler.Enqueue(recorded.ToReply(Untrimmed(recorded), TimeSpan.FromMilliseconds(26_000)));
        var rec = _h.NewRecorder();

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("gemini").GenerateAsync(
            Request("gemini-3-pro-image-preview", "Generate an illustrated two-sentence story about an axolotl."), rec, CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal("jpeg", ImageInspector.Inspect(result.ImageBytes!).Facts!.Format);
        Assert.Equal("image/jpeg", result.DeclaredContentType);
        Assert.Equal(25969, result.ServerMs);
        Assert.Equal("server-timing dur", result.ServerMsSource);
        Assert.Equal("QV8oae6ZGKGnmtkPoanu6A0", result.ProviderRequestId);
        Assert.StartsWith("model text: A little axolotl named Archie", result.Reason, StringComparison.Ordinal);
        // 1283 candidate tokens of which 1120 IMAGE; the unlisted 163 are the story's text, plus 174 thinking tokens.
        Assert.Equal(new TokenUsage(InputTextTokens: 14, OutputImageTokens: 1120, OutputTextTokens: 163 + 174, InputTokens: 14,
            OutputTokens: 1283 + 174, TotalTokens: 1471), result.Usage);

        var sent = _h.Handler.Requests.Single();
        Assert.Equal(recorded.Uri, sent.Uri);
        Assert.Equal("gemini-secret", sent.Headers["x-goog-api-key"]);
        Assert.False(sent.Headers.ContainsKey("Authorization"));
        Assert.Equal(JsonCanon.Of(recorded.RequestJson), JsonCanon.Of(sent.BodyJson));

        var model = ModelCatalog.Load(null).Get("gemini-3-pro-image-preview");
        var (cost, source) = CostCalculator.Price(model, result, new ImageFacts("jpeg", 1024, 1024, 1, "x"));
        Assert.Equal(CostSources.ApiTokensTimesCatalog, source);
        Assert.Equal((14 * 2m + 1120 * 120m + 337 * 12m) / 1_000_000m, cost);

        var (phases, _) = rec.Stop();
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(26_000, phases[0].DurationMs);
    }

    [Fact]
    public async Task Flash_image_text_only_answer_is_no_image_then_image_answer_is_ok()
    {
        var recorded = Cassette("test_google_image_or_text_output");
        Assert.Equal(2, recorded.Count);
        foreach (var i in recorded) _h.Handler.Enqueue(i.ToReply(Untrimmed(i)));

        var textOnly = await _h.Clock.RunAsync(() => _h.Registry.For("gemini").GenerateAsync(
            Request("gemini-2.5-flash-image", "Tell me a two-sentence story about an axolotl, no image please."), _h.NewRecorder(), CancellationToken.None));
        var image = await _h.Clock.RunAsync(() => _h.Registry.For("gemini").GenerateAsync(
            Request("gemini-2.5-flash-image", "Generate an image of an axolotl."), _h.NewRecorder(), CancellationToken.None));

        // A 200 with only text is the model choosing not to draw: a provider error quoting it, not garbage.
        Assert.Equal(AttemptOutcome.ProviderError, textOnly.Outcome);
        Assert.StartsWith("no image in response: model text: In a hidden cave, a shy axolotl named Pip", textOnly.Reason, StringComparison.Ordinal);
        Assert.Equal(200, textOnly.HttpStatus);
        Assert.Equal(1565, textOnly.ServerMs);
        Assert.Equal(new TokenUsage(InputTextTokens: 18, OutputTextTokens: 48, InputTokens: 18, OutputTokens: 48, TotalTokens: 66), textOnly.Usage);

        Assert.Equal(AttemptOutcome.Ok, image.Outcome);
        Assert.Equal("png", ImageInspector.Inspect(image.ImageBytes!).Facts!.Format);
        Assert.Equal(5611, image.ServerMs);
        Assert.Equal("model text: Here's an image of an axolotl for you!", image.Reason);
        Assert.Equal(new TokenUsage(InputTextTokens: 10, OutputImageTokens: 1290, OutputTextTokens: 14, InputTokens: 10, OutputTokens: 1304, TotalTokens: 1314), image.Usage);
        Assert.All(_h.Handler.Requests, r => Assert.Equal(recorded[0].Uri, r.Uri));

        // $30/M image tokens × 1290 = the $0.039 per image quoted in CONTRACTS.md, plus 14 text tokens at $2.50/M.
        var model = ModelCatalog.Load(null).Get("gemini-2.5-flash-image");
        var (cost, _) = CostCalculator.Price(model, image, new ImageFacts("png", 1024, 1024, 1, "x"));
        Assert.Equal((10 * 0.30m + 1290 * 30m + 14 * 2.50m) / 1_000_000m, cost);
    }

    [Fact]
    public async Task Vertex_recording_is_reproduced_from_the_api_vertex_option()
    {
        var recorded = Assert.Single(Cassette("test_google_vertexai_image_generation"));
        _h.Handler.Enqueue(recorded.ToReply(Untrimmed(recorded)));

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("gemini").GenerateAsync(
            Request("gemini-2.5-flash-image", "Generate an image of an axolotl.", "https://aiplatform.googleapis.com/",
                new Dictionary<string, string> { ["api"] = "vertex", ["project"] = "pydantic-ai" }), _h.NewRecorder(), CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        var sent = _h.Handler.Requests.Single();
        Assert.Equal(recorded.Uri, sent.Uri);
        Assert.Equal("Bearer gemini-secret", sent.Headers["Authorization"]);
        Assert.False(sent.Headers.ContainsKey("x-goog-api-key"));
        Assert.Equal(JsonCanon.Of(recorded.RequestJson), JsonCanon.Of(sent.BodyJson));
        Assert.Equal(new TokenUsage(InputTextTokens: 9, OutputImageTokens: 1290, OutputTextTokens: 5, InputTokens: 9, OutputTokens: 1295, TotalTokens: 1304), result.Usage);
        Assert.Null(result.ServerMs); // this recording has no server-timing header
        Assert.Equal("xm7vaOLiB56L3dAPsp7kmA0", result.ProviderRequestId);
    }
}
