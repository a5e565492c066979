using CsCheck;
using ImageBench.Catalog;
using ImageBench.Configuration;

namespace ImageBench.Tests.Catalog;

/// <summary>The reference article's gateway also sells Nano Banana 2, Qwen-Image 2.0 (and Pro) and GPT Image 2 Pro.</summary>
public class GatewayModelsTests
{
    private static readonly ModelCatalog Shipped = ModelCatalog.Load();

    private static Dictionary<string, ModelEntry> Parse(string yaml) =>
        CatalogLoader.Parse(yaml, "m.yaml", Shipped.Models.ToDictionary(m => m.Id));

    [Fact]
    public void Nano_banana_2_is_on_the_gemini_api_with_its_unverified_third_party_price()
    {
        var m = Shipped.Get("gemini-3.1-flash-image-preview");

        Assert.Equal(("gemini", "gemini-3.1-flash-image-preview", "GEMINI_API_KEY"), (m.Provider, m.Upstream, m.KeyEnv));
        Assert.Equal("generativelanguage.googleapis.com", m.BaseUrl.Host);
        Assert.StartsWith("unverified", m.Price.Source, StringComparison.Ordinal);
        // The quoted ~$0.067 per 1K image is the quoted $60 per million image tokens × ~1,120 tokens, to the cent's tenth.
        var image = m.Price.PerMillionTokensUsd!.OutputImage!.Value;
        Assert.Equal(decimal.Round(image * 1120 / 1_000_000m, 3), m.Price.PerImageFor(1024, 1024));
    }

    [Theory]
    [InlineData("qwen-image-2.0", "¥0.20")]
    [InlineData("qwen-image-2.0-pro", "¥0.50")]
    public void Qwen_image_2_is_dashscope_sync_priced_in_usd_with_the_yuan_quote_and_rate_in_its_source(string id, string quote)
    {
        var m = Shipped.Get(id);

        Assert.Equal(("dashscope", id, "DASHSCOPE_API_KEY"), (m.Provider, m.Upstream, m.KeyEnv));
        Assert.Equal("sync", m.Options["mode"]);
        Assert.StartsWith("unverified", m.Price.Source, StringComparison.Ordinal);
        Assert.Contains(quote + " per image", m.Price.Source, StringComparison.Ordinal);
        Assert.Contains("USD = CNY ÷ 7.10", m.Price.Source, StringComparison.Ordinal);
        Assert.Contains(m.Price.ReadOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), m.Price.Source, StringComparison.Ordinal);
        // Two figures, as quoted: no precision the yuan price does not have.
        var yuan = decimal.Parse(quote[1..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(decimal.Round(yuan / 7.10m, 3), m.Price.PerImageFor(1024, 1024));
        Assert.Equal(m.Price.PerImageFor(1024, 1024), m.Price.PerImageFor(2048, 2048));
    }

    [Fact]
    public void Gpt_image_2_pro_has_no_price_and_no_endpoint_until_the_user_gives_them()
    {
        var m = Shipped.Get("gpt-image-2-pro");

        Assert.Equal(("openai", "gpt-image-2-pro"), (m.Provider, m.Upstream));
        Assert.True(m.Price.IsUnpriced);
        Assert.Null(m.Price.PerImageFor(m.DefaultWidth, m.DefaultHeight));
        Assert.True(GatewayPlaceholder.IsPlaceholder(m.BaseUrl));
        var ex = Assert.Throws<InputException>(() => GatewayPlaceholder.RefuseUnset(Shipped, ["gpt-image-2", "gpt-image-2-pro"]));
        Assert.Contains("'gpt-image-2-pro'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("base_url", ex.Message, StringComparison.Ordinal);
        GatewayPlaceholder.RefuseUnset(Shipped, ["gpt-image-2", "qwen-image-2.0"]);
    }

    [Fact]
    public void A_models_file_gives_gpt_image_2_pro_a_gateway_and_a_price()
    {
        var models = Parse("models:\n  gpt-image-2-pro:\n    base_url: https://gw.example/v1beta\n    key_env: GW_KEY\n    price:\n      per_image: { 1K: 0.09, 2K: 0.12 }\n      source: my gateway's invoice\n      read: 2026-12-01\n");
        var m = models["gpt-image-2-pro"];

        Assert.False(GatewayPlaceholder.IsPlaceholder(m.BaseUrl));
        Assert.False(m.Price.IsUnpriced);
        Assert.Equal(0.09m, m.Price.PerImageFor(1024, 1024));
        Assert.Equal(("gpt-image-2-pro", "GW_KEY", "my gateway's invoice"), (m.Upstream, m.KeyEnv, m.Price.Source));
    }

    [Fact]
    public void Per_image_unknown_is_explicit_and_a_price_without_figures_is_still_refused()
    {
        var models = Parse("models:\n  x:\n    provider: openai\n    base_url: https://a/\n    price:\n      per_image: unknown\n      source: none published\n      read: 2026-12-01\n");
        Assert.True(models["x"].Price.IsUnpriced);

        var ex = Assert.Throws<InputException>(() => Parse("models:\n  x:\n    provider: openai\n    base_url: https://a/\n    price:\n      source: s\n      read: 2026-12-01\n"));
        Assert.StartsWith("m.yaml:6:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("per_image: unknown", ex.Message, StringComparison.Ordinal);
        var word = Assert.Throws<InputException>(() => Parse("models:\n  x:\n    provider: openai\n    base_url: https://a/\n    price:\n      per_image: unknwon\n      source: s\n      read: 2026-12-01\n"));
        Assert.StartsWith("m.yaml:6:", word.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_per_image_table_parses_to_its_figures()
    {
        var tiers = Gen.Int[0, 7].Select(mask => SizeTiers.All.Where((_, i) => (mask & (1 << i)) != 0).ToArray());
        var price = Gen.Decimal[0m, 1000m].Select(d => decimal.Round(d, 4));
        Gen.Select(tiers, price.Array[3]).Sample((names, prices) =>
        {
            var given = names.Select((t, i) => (t, prices[i])).ToDictionary(p => p.t, p => p.Item2);
            var map = given.Count == 0 ? "unknown" : "{ " + string.Join(", ", given.Select(p => $"{p.Key}: {p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")) + " }";
            var m = Parse($"models:\n  x:\n    provider: openai\n    base_url: https://a/\n    price:\n      per_image: {map}\n      source: s\n      read: 2026-12-01\n")["x"];
            Assert.Equal(given.OrderBy(p => p.Key), m.Price.PerImageUsd.OrderBy(p => p.Key));
            Assert.Equal(given.Count == 0, m.Price.IsUnpriced);
        }, iter: 300);
    }
}
