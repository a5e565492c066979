using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Ark;

/// <summary>Replays the real Volcengine Ark seedream-4.0 answer (seedream/ark_cn_*.REAL.json).</summary>
public sealed class ArkProviderReplayTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Real_answer_downloads_the_signed_tos_url_without_the_key()
    {
        var fixture = Directory.GetFiles(Fixtures.Path("seedream"), "ark_cn_*.REAL.json").Single();
        var response = JsonNode.Parse(File.ReadAllText(fixture))!["response"]!;
        var signedUrl = new Uri((string)response["data"]![0]!["url"]!);
        var jpeg = TestImages.Encode(928, 1152, SkiaSharp.SKEncodedImageFormat.Jpeg);
        _h.Handler.Json(HttpStatusCode.OK, response.ToJsonString(), new Uri("https://ark.cn-beijing.volces.com/api/v3/images/generations"), TimeSpan.FromSeconds(13.093),
            new Dictionary<string, string> { ["x-request-id"] = "021776997353604" });
        _h.Handler.Bytes(jpeg, "image/jpeg", signedUrl, TimeSpan.FromMilliseconds(300));
        var rec = _h.NewRecorder();
        var model = ProviderHarness.Model("ark", "doubao-seedream-4-0-250828", "https://ark.cn-beijing.volces.com/");

        var result = await _h.Clock.RunAsync(() => _h.Registry.For("ark").GenerateAsync(new GenerationRequest(model, "p", 928, 1152, new ApiKey("ark-secret")), rec, default));
        var (phases, _) = rec.Stop();

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(jpeg, result.ImageBytes);
        Assert.Equal("image/jpeg", result.DeclaredContentType);
        Assert.Equal(new TokenUsage(OutputTokens: 4176, TotalTokens: 4176), result.Usage);
        Assert.Equal("021776997353604", result.ProviderRequestId);
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], phases.Select(p => p.Name));
        Assert.Equal((13093, 300), (phases[0].DurationMs, phases[1].DurationMs));
        Assert.Equal("Bearer ark-secret", _h.Handler.Requests[0].Headers["Authorization"]);
        Assert.False(_h.Handler.Requests[1].Headers.ContainsKey("Authorization"));
        Assert.Equal("""{"model":"doubao-seedream-4-0-250828","prompt":"p","size":"928x1152","response_format":"url","watermark":false}""", _h.Handler.Requests[0].Body);
    }
}
