using System.Net;
using System.Text;
using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Running;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.OpenAI;

/// <summary>
/// The generation POST creates paid work: it is sent again only when it provably never reached OpenAI, a lost answer
/// is counted and said to be possibly billed, and a 2xx answer cut short is priced as the billed image it was.
/// </summary>
public sealed class OpenAIPaidCallTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string OkBody() =>
        """{"created":1,"data":[{"b64_json":""" + "\"" + ProviderHarness.Png1x1Base64 + "\"" + """}]}""";

    private static ModelEntry Model() => ProviderHarness.Model("openai", "gpt-image-1", "https://api.openai.com") with
    {
        Price = new PriceTable { PerImageUsd = new Dictionary<string, decimal> { ["1K"] = 0.042m }, Source = "test", ReadOn = new DateOnly(2026, 11, 23) },
    };

    private Task<GenerationResult> Run(ProviderRegistry? registry = null) =>
        _h.Clock.RunAsync(() => (registry ?? _h.Registry).For("openai").GenerateAsync(
            new GenerationRequest(Model(), "p", 1024, 1024, new ApiKey("sk-x")), _h.NewRecorder(), CancellationToken.None));

    [Fact]
    public async Task A_reset_after_the_body_was_sent_is_not_re_posted()
    {
        _h.Handler.Enqueue(NetworkFaults.ResetAfterBody());
        _h.Handler.Json(HttpStatusCode.OK, OkBody());

        var result = await Run();

        Assert.Single(_h.Handler.Requests);
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Contains("may have been billed", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.UnansweredPaidCalls);
        Assert.Equal((null, CostSources.None), CostCalculator.Price(Model(), result, null));
    }

    [Fact]
    public async Task A_refused_connection_is_sent_again()
    {
        _h.Handler.Enqueue(NetworkFaults.ConnectionRefused());
        _h.Handler.Json(HttpStatusCode.OK, OkBody());

        var result = await Run();

        Assert.Equal(2, _h.Handler.Requests.Count);
        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(0, result.UnansweredPaidCalls);
    }

    [Fact]
    public async Task Retry_unsafe_re_posts_after_a_reset_and_still_counts_the_lost_send()
    {
        using var registry = new ProviderRegistry(_h.Client, ProviderHarness.Policy with { RetryPossiblyBilled = true });
        _h.Handler.Enqueue(NetworkFaults.ResetAfterBody());
        _h.Handler.Json(HttpStatusCode.OK, OkBody());

        var result = await Run(registry);

        Assert.Equal(2, _h.Handler.Requests.Count);
        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(1, result.UnansweredPaidCalls);
    }

    [Fact]
    public async Task A_truncated_2xx_answer_is_priced_from_the_catalog_as_billed()
    {
        var prefix = Encoding.UTF8.GetBytes(OkBody()[..40]);
        _h.Handler.Enqueue(new Reply(HttpStatusCode.OK, () => new TruncatedContent(prefix, 5_000)));

        var result = await Run();

        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.True(result.ImageLostAfterBilling);
        Assert.Equal((0.042m, CostSources.CatalogAnswerLost), CostCalculator.Price(Model(), result, null));
    }

    [Fact]
    public async Task A_truncated_error_answer_costs_nothing()
    {
        var prefix = Encoding.UTF8.GetBytes("""{"error":{"message":"bad""");
        _h.Handler.Enqueue(new Reply(HttpStatusCode.BadRequest, () => new TruncatedContent(prefix, 5_000)));

        var result = await Run();

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.False(result.ImageLostAfterBilling);
        Assert.Equal((null, CostSources.None), CostCalculator.Price(Model(), result, null));
    }
}
