using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

public sealed class TypoTests
{
    [Fact]
    public void Quoted_strings_straight_and_curly_are_found()
    {
        Assert.Equal(["MORNING BREW", "OPEN FROM 7 AM EVERY DAY"], QuotedStrings.In(Poster));
        Assert.Equal(["SALE", "50% OFF"], QuotedStrings.In("banner “SALE” and \"50% OFF\""));
        Assert.Empty(QuotedStrings.In("no text here"));
    }

    [Fact]
    public async Task Default_seed_reproduces_the_articles_EYERY_for_flux_pro()
    {
        await using var server = await StartAsync();
        var drawn = server.RenderedStrings("flux-pro-1.1", Poster);
        Assert.Contains("OPEN FROM 7 AM EYERY DAY", drawn);
        // gpt-image-2 has no typos in the article's profile.
        Assert.Equal(["MORNING BREW", "OPEN FROM 7 AM EVERY DAY"], server.RenderedStrings("gpt-image-2", Poster));

        // And it is what the delivered image carries.
        using var http = Client();
        using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = Poster }));
        var ready = await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        using var download = await http.GetAsync((string)ready["result"]!["sample"]!);
        Assert.Equal(drawn, RenderedTextHeader.Parse(download.Headers.GetValues(RenderedTextHeader.Name).Single()));
    }

    [Fact]
    public void Typos_are_deterministic_per_seed_and_vary_across_seeds()
    {
        string[] strings = ["OPEN FROM 7 AM EVERY DAY"];
        var first = TypoInjector.Apply(strings, 1.0, 42, "m", "p");
        Assert.Equal(first, TypoInjector.Apply(strings, 1.0, 42, "m", "p"));
        Assert.NotEqual(strings[0], first[0]);
        Assert.Equal(strings[0].Length, first[0].Length);
        Assert.Equal(1, first[0].Zip(strings[0]).Count(pair => pair.First != pair.Second));
        var outcomes = Enumerable.Range(0, 50).Select(seed => TypoInjector.Apply(strings, 1.0, seed, "m", "p")[0]).Distinct().Count();
        Assert.True(outcomes > 2);
        Assert.Equal(strings, TypoInjector.Apply(strings, 0.0, 42, "m", "p"));
    }
}
