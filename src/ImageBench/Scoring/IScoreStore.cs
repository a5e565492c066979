namespace ImageBench.Scoring;

/// <summary>Where scores are cached, by <see cref="ScoreKey"/>. The SQLite run store implements it.</summary>
public interface IScoreStore
{
    Task<ScoreResult?> LoadScoreAsync(ScoreKey key, CancellationToken ct);
    Task SaveScoreAsync(ScoreKey key, ScoreResult result, CancellationToken ct);
}
