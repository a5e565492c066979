using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Reporting;
using ImageBench.Scoring;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Scoring;

public sealed class ScoringRunnerTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static readonly Suite Suite = SuiteLoader.Parse(
        "prompts:\n  - id: poster\n    tags: [text-rendering]\n    text: 'a \"SIGN\"'\n    expect:\n      text: [SIGN]\n  - id: free\n    tags: [style]\n    text: anything\n", "s.yaml");

    /// <summary>Passes images wider than 20 px; counts how often it really ran.</summary>
    private sealed class WidthScorer : IImageScorer
    {
        public int Calls;
        public string Name => "width";
        public string Version => "1";
        public bool AppliesTo(Expectations expect) => expect.Text.Count > 0;
        public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            return new ScoreResult(Name, Version, new Dictionary<string, double> { ["width"] = image.Width }, new JsonObject { ["summary"] = $"{image.Width} px wide" }, image.Width > 20);
        }
    }

    private async Task<Attempt> Stored(SqliteRunStore store, string model, string prompt, byte[] bytes)
    {
        var facts = new ImageFacts("png", 0, 0, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        var inspected = ImageBench.Images.ImageInspector.Inspect(bytes).Facts ?? facts;
        var path = await new ImageFileStore(_dir.Path).SaveAsync(bytes, inspected, CancellationToken.None);
        var attempt = new Attempt { RunId = "r", Model = model, PromptId = prompt, Repeat = 0, Outcome = AttemptOutcome.Ok, Image = inspected, ImagePath = path, CostUsd = 0.04m, CostSource = CostSources.CatalogPerImage, LatencyMs = 1000 };
        await store.SaveAttemptAsync(attempt, CancellationToken.None);
        return attempt;
    }

    [Fact]
    public async Task Scores_applicable_images_once_and_serves_the_second_pass_from_the_cache()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var attempts = new[]
        {
            await Stored(store, "wide", "poster", TestImages.Png(32, 8)),
            await Stored(store, "narrow", "poster", TestImages.Png(8, 8)),
            await Stored(store, "wide", "free", TestImages.Png(33, 8)),
        };
        var scorer = new WidthScorer();

        var first = new ScoringRunner([scorer], store, 2);
        var scores = await first.ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        var second = new ScoringRunner([scorer], store, 2);
        var again = await second.ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);

        Assert.Equal(2, scorer.Calls);
        Assert.Equal((2, 0), (first.Computed, first.FromCache));
        Assert.Equal((0, 2), (second.Computed, second.FromCache));
        Assert.True(scores.For("wide", "poster", 0)!.Acceptable);
        Assert.False(scores.For("narrow", "poster", 0)!.Acceptable);
        Assert.Null(scores.For("wide", "free", 0)!.Acceptable);
        Assert.Equal(8, again.For("narrow", "poster", 0)!.Results.Single().Metrics["width"]);
        Assert.False(scores.CapabilityScores().ContainsKey("wide"), "a scorer with no capability speaks for none");
        Assert.Equal(0.0, scores.PassRate("narrow"));
    }

    [Fact]
    public async Task An_image_that_does_not_decode_is_a_recorded_scoring_failure()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var bomb = await Stored(store, "m", "poster", TestImages.PngClaiming(10_000, 10_000));
        var truncated = TestImages.Png(64, 64);
        var cut = await Stored(store, "n", "poster", truncated[..(truncated.Length / 2)]);

        var scores = await new ScoringRunner([new WidthScorer()], store, 1).ScoreAsync(_dir.Path, [bomb, cut], Suite, CancellationToken.None);

        Assert.All(scores.Attempts, a => Assert.NotNull(a.Results.Single().Error));
        Assert.Null(scores.For("m", "poster", 0)!.Acceptable);
    }

    [Fact]
    public async Task Report_shows_checks_and_cost_per_acceptable_image()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var attempts = new[] { await Stored(store, "wide", "poster", TestImages.Png(32, 8)), await Stored(store, "narrow", "poster", TestImages.Png(8, 8)) };
        var scores = await new ScoringRunner([new WidthScorer()], store, 1).ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        var manifest = new RunManifest
        {
            RunId = "r", CreatedAt = DateTimeOffset.UnixEpoch, ToolVersion = "t", SuiteName = "s", SuitePath = "s.yaml", SuiteSha256 = Suite.Sha256,
            Models = ["wide", "narrow"], Repeat = 1, Catalog = [],
        };

        var report = RunReportBuilder.Build(manifest, attempts, Suite, null, scores: scores);
        var md = MarkdownReportWriter.Write(report);

        Assert.Contains("✓ width: 32 px wide", md, StringComparison.Ordinal);
        Assert.Contains("✗ width: 8 px wide", md, StringComparison.Ordinal);
        Assert.Contains("| Cost per acceptable image | $0.04 | – |", md, StringComparison.Ordinal);
        Assert.Contains("| Pass rate (all checks) | 100.0% | 0.0% |", md, StringComparison.Ordinal);
        Assert.Null(report.CapabilityScores);
    }

    public void Dispose() => _dir.Dispose();
}
