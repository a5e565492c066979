using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Running;

namespace ImageBench.Tests.Running;

public class CostCalculatorTests
{
    private static readonly ImageFacts Square = new("png", 1024, 1024, 1000, "ab");

    private static ModelEntry Model(TokenPrices? tokens = null) => new()
    {
        Id = "m", Provider = "openai", Upstream = "m", BaseUrl = new Uri("https://x/"),
        Price = new PriceTable { PerImageUsd = new Dictionary<string, decimal> { ["1K"] = 0.03m }, PerMillionTokensUsd = tokens, Source = "s", ReadOn = new DateOnly(2026, 1, 1) },
    };

    private static GenerationResult Ok(TokenUsage? usage = null, decimal? reported = null) =>
        new() { Outcome = AttemptOutcome.Ok, Usage = usage, ReportedCostUsd = reported };

    [Fact]
    public void Api_reported_money_wins() =>
        Assert.Equal((0.06721m, CostSources.ApiReported), CostCalculator.Price(Model(), Ok(reported: 0.06721m), Square));

    [Fact]
    public void Image_tokens_are_priced_as_image_tokens_and_input_is_not_missed()
    {
        var usage = new TokenUsage(InputTextTokens: 22, OutputImageTokens: 4160, InputTokens: 22, OutputTokens: 4160);
        var (cost, source) = CostCalculator.Price(Model(new TokenPrices(5, 10, 40, 10)), Ok(usage), Square);

        Assert.Equal(CostSources.ApiTokensTimesCatalog, source);
        Assert.Equal((22 * 5m + 4160 * 40m) / 1_000_000m, cost);
    }

    [Fact]
    public void Unpriceable_tokens_fall_back_to_the_catalog_image_price()
    {
        // Output tokens without a modality breakdown cannot be priced honestly.
        var usage = new TokenUsage(InputTextTokens: 22, OutputTokens: 3168);
        Assert.Equal((0.03m, CostSources.CatalogPerImage), CostCalculator.Price(Model(new TokenPrices(5, 10, 40, null)), Ok(usage), Square));
    }

    [Fact]
    public void Tier_follows_the_size_actually_produced()
    {
        var tall = new ImageFacts("png", 1024, 1536, 1, "x");
        Assert.Equal((null, CostSources.None), CostCalculator.Price(Model(), Ok(), tall));
    }

    [Fact]
    public void Failed_attempts_cost_nothing_unless_the_api_says_so()
    {
        var refused = GenerationResult.Failed(AttemptOutcome.Refused, "moderated");
        Assert.Equal((null, CostSources.None), CostCalculator.Price(Model(), refused, null));
    }
}
