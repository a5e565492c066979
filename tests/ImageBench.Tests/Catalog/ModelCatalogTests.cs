using ImageBench.Catalog;
using ImageBench.Configuration;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Catalog;

public class ModelCatalogTests
{
    [Fact]
    public void Shipped_catalog_prices_the_article_models_with_source_and_date()
    {
        var catalog = ModelCatalog.Load();

        var gpt = catalog.Get("gpt-image-2");
        Assert.Equal("openai", gpt.Provider);
        Assert.Equal("OPENAI_API_KEY", gpt.KeyEnv);
        Assert.Equal(0.03m, gpt.Price.PerImageFor(1024, 1024));
        Assert.Equal(0.04m, gpt.Price.PerImageFor(2048, 2048));
        Assert.Equal(0.06m, gpt.Price.PerImageFor(3840, 2160));
        var flux = catalog.Get("flux-1.1-pro");
        Assert.Equal(("bfl", "flux-pro-1.1", "BFL_API_KEY"), (flux.Provider, flux.Upstream, flux.KeyEnv));
        Assert.Equal(0.04m, flux.Price.PerImageFor(1024, 1024));
        Assert.All(catalog.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.Price.Source)));
    }

    [Fact]
    public void Demo_models_file_overrides_only_the_price()
    {
        var catalog = ModelCatalog.Load(RepoPaths.File("suites", "seed-six.models.yaml"));

        var flux = catalog.Get("flux-1.1-pro");
        Assert.Equal(0.05m, flux.Price.PerImageFor(1024, 1024));
        Assert.Equal(new DateOnly(2026, 5, 1), flux.Price.ReadOn);
        Assert.Equal("https://api.bfl.ai/", flux.BaseUrl.AbsoluteUri);
        Assert.Equal("flux-pro-1.1", flux.Upstream);
    }

    [Fact]
    public void Unknown_model_lists_the_known_ones()
    {
        var ex = Assert.Throws<InputException>(() => ModelCatalog.Load().Get("gpt-image-9"));
        Assert.Contains("unknown model 'gpt-image-9'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gpt-image-2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void User_file_adds_a_gateway_model_with_base_url_prefix()
    {
        var yaml = "models:\n  my-gw:\n    provider: openai\n    upstream: gpt-image-2\n    base_url: https://gw.example/openai\n    key_env: GW_KEY\n    price:\n      per_image: { 1K: 0.02 }\n      source: my contract\n      read: 2026-11-01\n";
        var models = CatalogLoader.Parse(yaml, "m.yaml", new Dictionary<string, ModelEntry>());

        Assert.Equal("https://gw.example/openai/", models["my-gw"].BaseUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("models:\n  x:\n    provider: openai\n    base_url: https://a/\n    price:\n      per_image: { 1K: 0.02 }\n      read: 2026-11-01\n", 6, "source")]
    [InlineData("models:\n  x:\n    provider: openai\n    base_url: https://a/\n    price:\n      per_image: { 1K: cheap }\n      source: s\n      read: 2026-11-01\n", 6, "must be a number")]
    [InlineData("models:\n  x:\n    provider: openai\n    base_url: ftp://a/\n", 4, "absolute http(s) URL")]
    [InlineData("models:\n  x:\n    provider: openai\n    base_url: https://a/\n    size: big\n", 5, "'size' must look like")]
    [InlineData("models:\n  x:\n    provder: openai\n", 3, "unknown key 'provder'")]
    [InlineData("models:\n  gpt-image-2:\n    price:\n      per_image: { 8K: 1 }\n", 4, "unknown key '8K'")]
    public void Bad_models_files_point_at_the_line(string yaml, int line, string message)
    {
        var shipped = ModelCatalog.Load().Models.ToDictionary(m => m.Id);
        var ex = Assert.Throws<InputException>(() => CatalogLoader.Parse(yaml, "m.yaml", shipped));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"m.yaml:{line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_json_round_trips()
    {
        foreach (var model in ModelCatalog.Load().Models)
        {
            var back = CatalogJson.FromJson(CatalogJson.ToJson(model));
            Assert.Equal(CatalogJson.ToJson(model).ToJsonString(), CatalogJson.ToJson(back).ToJsonString());
        }
    }

    [Theory]
    [InlineData(1024, 1024, "1K")]
    [InlineData(1024, 1536, "2K")]
    [InlineData(2048, 2048, "2K")]
    [InlineData(3840, 2160, "4K")]
    [InlineData(256, 256, "1K")]
    public void Size_tiers_by_pixel_budget(int w, int h, string tier) => Assert.Equal(tier, SizeTiers.For(w, h));
}
