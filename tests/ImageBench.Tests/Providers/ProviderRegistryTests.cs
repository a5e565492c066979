using ImageBench.Providers;
using ImageBench.Providers.Bfl;
using ImageBench.Providers.OpenAI;

namespace ImageBench.Tests.Providers;

public sealed class ProviderRegistryTests
{
    [Fact]
    public void Families_map_to_their_adapters()
    {
        using var client = ProviderRegistry.CreateHttpClient();
        var registry = new ProviderRegistry(client);

        Assert.Equal(["openai", "bfl"], ProviderRegistry.Families.Take(2));
        Assert.Equal(new HashSet<string> { "openai", "bfl", "openrouter", "dashscope", "ark", "stability", "ideogram", "recraft", "fal", "replicate", "gemini", "imagen" }, ProviderRegistry.Families.ToHashSet());
        Assert.IsType<OpenAIProvider>(registry.For("openai"));
        Assert.IsType<BflProvider>(registry.For("bfl"));
        Assert.All(ProviderRegistry.Families, f => Assert.Equal(f, registry.For(f).Family));
    }

    [Fact]
    public void Unknown_family_names_the_known_ones()
    {
        using var client = ProviderRegistry.CreateHttpClient();
        var error = Assert.Throws<ImageBench.Configuration.InputException>(() => new ProviderRegistry(client).For("midjourney"));
        Assert.Contains("'midjourney'", error.Message, StringComparison.Ordinal);
        Assert.Contains("openai, bfl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_client_has_no_client_timeout()
    {
        using var client = ProviderRegistry.CreateHttpClient();
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
    }
}
