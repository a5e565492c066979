using System.Collections.Concurrent;
using ImageBench.Attempts;
using ImageBench.Storage;
using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// Scores a run's images with every scorer that applies to each prompt's expectations. Each image is read and
/// decoded once; results are cached by (image hash, scorer, version, expectations), so scoring a run twice
/// computes nothing the second time. Runs after the attempts, never during them: scoring is CPU work that would
/// slow the clocks of attempts in flight.
/// </summary>
public sealed class ScoringRunner(IReadOnlyList<IImageScorer> scorers, IScoreStore cache, int parallelism)
{
    public int Computed => _computed;
    public int FromCache => _fromCache;
    private int _computed;
    private int _fromCache;

    public async Task<RunScores> ScoreAsync(string runDir, IReadOnlyList<Attempt> attempts, Suite suite, CancellationToken ct)
    {
        var prompts = suite.Prompts.ToDictionary(p => p.Id);
        var images = new ImageFileStore(runDir);
        var results = new ConcurrentBag<AttemptScores>();
        var work = attempts.Where(a => a is { Outcome: AttemptOutcome.Ok, Image: not null, ImagePath: not null } && prompts.ContainsKey(a.PromptId));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct }, async (attempt, token) =>
        {
            var expect = prompts[attempt.PromptId].Expect;
            var applicable = scorers.Where(s => s.AppliesTo(expect)).ToList();
            var scores = new List<ScoreResult>(applicable.Count);
            ScoringImage? decoded = null;
            string? decodeError = null;
            foreach (var scorer in applicable)
            {
                var key = ScoreKey.For(attempt.Image!.Sha256, scorer, expect);
                if (await cache.LoadScoreAsync(key, token).ConfigureAwait(false) is { } cached)
                {
                    Interlocked.Increment(ref _fromCache);
                    scores.Add(cached);
                    continue;
                }
                if (decoded is null && decodeError is null)
                    decoded = Load(images.Resolve(attempt.ImagePath!), out decodeError);
                var result = decoded is null ? ScoreResult.Failed(scorer.Name, scorer.Version, decodeError!) : SafeScore(scorer, decoded, expect, token);
                Interlocked.Increment(ref _computed);
                await cache.SaveScoreAsync(key, result, token).ConfigureAwait(false);
                scores.Add(result);
            }
            results.Add(new AttemptScores(attempt, scores));
        }).ConfigureAwait(false);
        return new RunScores(results.OrderBy(r => r.Attempt.Model, StringComparer.Ordinal).ThenBy(r => r.Attempt.PromptId, StringComparer.Ordinal).ThenBy(r => r.Attempt.Repeat).ToList());
    }

    private static ScoringImage? Load(string path, out string? error)
    {
        if (!File.Exists(path))
        {
            error = $"image file missing: {path}";
            return null;
        }
        return ScoringImage.Load(File.ReadAllBytes(path), out error);
    }

    /// <summary>A scorer's bug costs that score, recorded, not the whole scoring run.</summary>
    private static ScoreResult SafeScore(IImageScorer scorer, ScoringImage image, Expectations expect, CancellationToken ct)
    {
        try
        {
            return scorer.Score(image, expect, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return ScoreResult.Failed(scorer.Name, scorer.Version, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
