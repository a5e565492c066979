namespace ImageBench.Scoring;

/// <summary>The scorers a run or <c>imagebench score</c> uses unless told otherwise.</summary>
public static class DefaultScorers
{
    /// <remarks>The OCR scorer holds native engines; a process that scores once may leave them to process exit.</remarks>
    public static IReadOnlyList<IImageScorer> All() => [Text.TextScorer.CreateDefault(), .. Image.WeightFreeScorers.All, new Image.PerceptualHashScorer()];

    /// <summary>
    /// What a report shows: the default scorers and the judge that answered for the run, read from the cache only
    /// (regenerating a report never calls a judge). <paramref name="judge"/> null: the run had none.
    /// </summary>
    public static IReadOnlyList<IScorer> ForReport(Judge.JudgeSettings? judge) =>
        judge?.Validate().CreateCacheOnly() is { } cached ? [.. All(), cached] : [.. All()];
}
