using System.Text.Json.Nodes;
using ImageBench.Reporting;
using ImageBench.Scoring;
using ImageBench.Scoring.Image;

namespace ImageBench.Tests.Reporting;

public sealed class SeedDiversityReportTests
{
    [Fact]
    public void Repeats_of_a_prompt_are_compared_by_perceptual_hash_and_the_phash_line_stays_out_of_the_checks()
    {
        var attempts = SyntheticRun.Attempts().Where(a => a.PromptId == "poster").ToList();
        var repeated = attempts.Concat(attempts.Select(a => a with { Repeat = 1 })).ToList();
        // GPT: identical hashes (0 bits differ); FLUX: 0x0 vs 0xFF (8 bits differ).
        var scores = new RunScores(repeated.Select(a => new AttemptScores(a,
            [Hash(a.Model == SyntheticRun.Gpt ? 0x42UL : a.Repeat == 0 ? 0UL : 0xFFUL)])).ToList());

        Assert.Equal((0.0, 1), scores.SeedDiversity(SyntheticRun.Gpt));
        Assert.Equal((8.0, 1), scores.SeedDiversity(SyntheticRun.Flux));
        var table = RunReportBuilder.Build(SyntheticRun.Manifest(), repeated, SyntheticRun.Suite, SyntheticRun.Catalog, scores: scores).DimensionTable;
        Assert.Equal("8.0 of 64 bits differ between repeats (1 prompt)", table.Cell("Seed diversity", "FLUX 1.1 Pro"));
        Assert.Empty(CheckLines.Of(scores.Attempts[0]));
    }

    [Fact]
    public void One_image_per_prompt_has_no_diversity_row()
    {
        var attempts = SyntheticRun.Attempts();
        var scores = new RunScores(attempts.Select(a => new AttemptScores(a, [Hash(1)])).ToList());
        Assert.Null(scores.SeedDiversity(SyntheticRun.Gpt));
        var table = RunReportBuilder.Build(SyntheticRun.Manifest(), attempts, SyntheticRun.Suite, SyntheticRun.Catalog, scores: scores).DimensionTable;
        Assert.DoesNotContain(table.Rows, r => r[0] == "Seed diversity");
    }

    [Fact]
    public void The_scorer_stores_the_hash_it_computed()
    {
        var image = ScoringImage.Load(Support.TestImages.Png(64, 64), out _)!;
        var result = new PerceptualHashScorer().Score(image, new(), CancellationToken.None);
        Assert.Equal(PerceptualHash.Of(image), PerceptualHashScorer.HashOf(result));
    }

    private static ScoreResult Hash(ulong value) =>
        new(PerceptualHashScorer.ScorerName, "1", new Dictionary<string, double>(), new JsonObject { ["phash"] = value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) }, null);
}
