using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Recraft;

namespace ImageBench.Tests.Providers.Recraft;

/// <summary>
/// No Recraft capture exists: these follow its documented contract (recraft.ai/docs: {created, credits,
/// data:[{url, image_id}]}, 1 USD = 1,000 API units, errors as a non-2xx JSON body whose exact shape is unverified).
/// </summary>
public sealed class RecraftProviderContractTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<GenerationResult> Run(AttemptRecorder? rec = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("recraft").GenerateAsync(
            new GenerationRequest(ProviderHarness.Model("recraft", "recraftv3", "https://external.api.recraft.ai/", new Dictionary<string, string> { ["style"] = "digital_illustration" }),
                "p", 1024, 1024, new ApiKey("rc-secret")), rec ?? _h.NewRecorder(), default));

    [Fact]
    public async Task Credits_become_usd_at_the_documented_rate_and_the_url_is_fetched_without_the_token()
    {
        var url = new Uri("https://img.recraft.ai/abc/raster.webp?sig=1");
        _h.Handler.Json(HttpStatusCode.OK, """{"created":1760000000,"credits":40,"data":[{"url":"https://img.recraft.ai/abc/raster.webp?sig=1","image_id":"0b6f-img"}]}""",
            new Uri("https://external.api.recraft.ai/v1/images/generations"), TimeSpan.FromSeconds(9));
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/webp", url);
        var rec = _h.NewRecorder();

        var result = await Run(rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(0.04m, result.ReportedCostUsd);
        Assert.Equal("0b6f-img", result.ProviderRequestId);
        Assert.Equal("image/webp", result.DeclaredContentType);
        Assert.Equal("Bearer rc-secret", _h.Handler.Requests[0].Headers["Authorization"]);
        Assert.False(_h.Handler.Requests[1].Headers.ContainsKey("Authorization"));
        Assert.Equal("""{"prompt":"p","model":"recraftv3","size":"1024x1024","n":1,"response_format":"url","style":"digital_illustration"}""", _h.Handler.Requests[0].Body);
        Assert.Equal([PhaseNames.Generating, PhaseNames.Download], rec.Stop().Phases.Select(p => p.Name));
    }

    [Fact]
    public void Conversion_is_one_thousandth_of_a_dollar_per_unit() =>
        Assert.Equal((0.08m, 0.001m), (RecraftResponseParser.CreditsToUsd(80), RecraftResponseParser.CreditsToUsd(1)));

    [Theory]
    [InlineData("""{"code":"inappropriate_content","message":"The prompt was flagged by content moderation"}""", AttemptOutcome.Refused)]
    [InlineData("""{"code":"not_enough_credits","message":"Not enough API units"}""", AttemptOutcome.ProviderError)]
    [InlineData("""{"error":{"code":"invalid_size","message":"size 13x13 is not supported"}}""", AttemptOutcome.ProviderError)]
    [InlineData("<html>bad gateway</html>", AttemptOutcome.ProviderError)]
    public async Task Errors_are_classified_by_their_words(string body, AttemptOutcome expected)
    {
        _h.Handler.Json(HttpStatusCode.BadRequest, body);
        var result = await Run();
        Assert.Equal(expected, result.Outcome);
        Assert.StartsWith("HTTP 400", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_without_data_is_invalid()
    {
        _h.Handler.Json(HttpStatusCode.OK, """{"created":1,"credits":40,"data":[]}""");
        Assert.Equal(AttemptOutcome.InvalidResponse, (await Run()).Outcome);
    }
}
