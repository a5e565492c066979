namespace ImageBench.Scoring;

/// <summary>The scorers a run or <c>imagebench score</c> uses unless told otherwise.</summary>
public static class DefaultScorers
{
    /// <remarks>The OCR scorer holds native engines; a process that scores once may leave them to process exit.</remarks>
    public static IReadOnlyList<IImageScorer> All() => [Text.TextScorer.CreateDefault(), .. Image.WeightFreeScorers.All, new Image.PerceptualHashScorer()];
}
