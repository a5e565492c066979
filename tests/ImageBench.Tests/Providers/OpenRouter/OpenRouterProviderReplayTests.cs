using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.OpenRouter;

/// <summary>
/// Replays the only OpenRouter capture (litellm's openrouter_gemini_image_response.json, probably real). The
/// fixture is TRIMMED — its 1.5 MB data URL and the keys before image_url were elided — so the body replayed here
/// is RECONSTRUCTED: the fixture's head and tail verbatim, with images[0] rebuilt as the documented
/// {"type":"image_url","image_url":{"url":"data:image/png;base64,<1×1 PNG>"}}.
/// </summary>
public sealed class OpenRouterProviderReplayTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    internal static string ReconstructedBody()
    {
        var body = JsonNode.Parse(Fixtures.Read("openrouter", "litellm_openrouter_gemini_image_response.TRIMMED.json"))!.AsObject();
        body.Remove("_note");
        var message = body["choices"]![0]!["message"]!.AsObject();
        message["images"] = new JsonArray(new JsonObject
        {
            ["type"] = "image_url",
            ["image_url"] = new JsonObject { ["url"] = "data:image/png;base64," + ProviderHarness.Png1x1Base64 },
        });
        return body.ToJsonString();
    }

    [Fact]
    public async Task Reconstructed_capture_yields_the_image_the_cost_and_image_tokens()
    {
        _h.Handler.Json(HttpStatusCode.OK, ReconstructedBody(), new Uri("https://openrouter.ai/api/v1/chat/completions"), TimeSpan.FromSeconds(7));
        var rec = _h.NewRecorder();
        var request = new GenerationRequest(ProviderHarness.Model("openrouter", "google/gemini-3.1-flash-image", "https://openrouter.ai/"), "a red square", 1024, 1024, new ApiKey("or-secret"));

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("openrouter").GenerateAsync(request, rec, default));
        var (phases, latency) = rec.Stop();

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(ProviderHarness.Png1x1, result.ImageBytes);
        Assert.Equal("image/png", result.DeclaredContentType);
        Assert.Equal(0.06721m, result.ReportedCostUsd);
        Assert.Equal(new TokenUsage(OutputImageTokens: 1120, InputTokens: 20, OutputTokens: 1120, TotalTokens: 1140), result.Usage);
        Assert.Equal("gen-1791609075-orWHxiWi6jrmlp1hSMUV", result.ProviderRequestId);
        Assert.Null(result.ServerMs);
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal(7000, phases[0].DurationMs);
        Assert.Equal(7000, latency);

        var sent = Assert.Single(_h.Handler.Requests);
        Assert.Equal("Bearer or-secret", sent.Headers["Authorization"]);
        Assert.Equal("""{"model":"google/gemini-3.1-flash-image","messages":[{"role":"user","content":"a red square"}],"modalities":["image","text"]}""", sent.Body);
        Assert.Equal(sent.Body, result.Request!.ToJsonString());
    }
}
