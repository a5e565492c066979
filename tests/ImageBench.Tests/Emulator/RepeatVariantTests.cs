using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using ImageBench.Scoring.Image;
using static ImageBench.Tests.Emulator.EmulatorFixture;

namespace ImageBench.Tests.Emulator;

/// <summary>Repeats of a prompt are re-rolls: each call gets the next picture, drawn ahead of time by the prewarm.</summary>
public sealed class RepeatVariantTests
{
    [Fact]
    public async Task Each_call_for_a_prompt_gets_the_next_variant_and_the_first_is_the_articles()
    {
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        var first = await factory.RenderNextAsync("flux-pro-1.1", Poster, 256, 256, "png", 100);
        var second = await factory.RenderNextAsync("flux-pro-1.1", Poster, 256, 256, "png", 100);

        Assert.Equal(factory.RenderedStrings("flux-pro-1.1", Poster), first.Text);
        Assert.Contains("OPEN FROM 7 AM EYERY DAY", first.Text);
        Assert.Equal(factory.RenderedStrings("flux-pro-1.1", Poster, 1), second.Text);
        Assert.NotEqual(first.Bytes, second.Bytes);
        var hashes = new[] { first, second }.Select(r => PerceptualHash.Of(ImageBench.Scoring.ScoringImage.Load(r.Bytes, out _)!)).ToList();
        Assert.True(SeedDiversity.MeanHammingDistance(hashes) > 8, "repeats should look like different pictures");
    }

    [Fact]
    public void Re_rolls_misspell_independently_at_the_profiles_rate()
    {
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        // FLUX's typo rate is 0.6 per string: over many re-rolls both clean and misspelt subtitles appear.
        var subtitles = Enumerable.Range(0, 200).Select(v => factory.RenderedStrings("flux-pro-1.1", Poster, v)[1]).ToList();
        var clean = subtitles.Count(s => s == "OPEN FROM 7 AM EVERY DAY") / 200.0;
        Assert.InRange(clean, 0.3, 0.5);
        Assert.Contains(subtitles, s => s != "OPEN FROM 7 AM EVERY DAY" && s != "OPEN FROM 7 AM EYERY DAY");
    }

    [Fact]
    public async Task Prewarming_repeated_calls_draws_every_variant_so_the_run_draws_nothing()
    {
        await using var server = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0));
        var call = new EmulatorCall(EmulatorCall.Bfl, "flux-pro-1.1", Poster, 256, 256);
        await server.PrewarmAsync([call, call, call]);
        var drawnAhead = server.ImagesDrawn;

        using var http = Client();
        for (var i = 0; i < 3; i++)
        {
            using var submit = await http.SendAsync(BflSubmit(server, "flux-pro-1.1", new { prompt = Poster, width = 256, height = 256 }));
            await PollAsync(http, (string)(await JsonAsync(submit))["polling_url"]!);
        }

        Assert.Equal(3, drawnAhead);
        Assert.Equal(drawnAhead, server.ImagesDrawn);
    }
}
