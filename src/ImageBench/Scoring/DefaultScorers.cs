namespace ImageBench.Scoring;

/// <summary>The scorers a run or <c>imagebench score</c> uses unless told otherwise.</summary>
public static class DefaultScorers
{
    public static IReadOnlyList<IImageScorer> All() => [];
}
