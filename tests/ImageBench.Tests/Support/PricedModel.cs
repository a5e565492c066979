using ImageBench.Catalog;

namespace ImageBench.Tests.Support;

/// <summary>A catalog entry for runner tests: the OpenAI family at a test host, $0.04 per 1K image.</summary>
internal static class PricedModel
{
    public static ModelEntry Of(string id = "m1", int concurrency = 1, string? host = null) => new()
    {
        Id = id, Provider = "openai", Upstream = id, BaseUrl = new Uri($"https://{host ?? "api.example"}/"), KeyEnv = "K", Concurrency = concurrency,
        Price = new PriceTable { PerImageUsd = new Dictionary<string, decimal> { ["1K"] = 0.04m }, Source = "test", ReadOn = new DateOnly(2026, 1, 1) },
    };
}
