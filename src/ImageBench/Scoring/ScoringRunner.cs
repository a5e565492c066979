using ImageBench.Attempts;
using ImageBench.Storage;
using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// Scores a run's images with every scorer that applies to each prompt's expectations. Results are cached by
/// (image hash, scorer, version, expectations), so scoring a run twice computes nothing the second time. Runs
/// after the attempts, never during them: scoring is CPU work that would slow the clocks of attempts in flight.
/// </summary>
/// <remarks>
/// Two phases run side by side: the CPU scorers (<see cref="IImageScorer"/>) on <c>parallelism</c> workers, and
/// the remote ones (<see cref="IAsyncImageScorer"/>, a judge) each at its own <see cref="IAsyncImageScorer.Concurrency"/>,
/// so a slow network judge neither holds up nor is flooded by the CPU work. Each phase reads and decodes an image
/// at most once. A remote scorer's failed result is not cached: it is usually transient (rate limit, outage), and
/// the next <c>score</c> should try again rather than remember the failure.
/// </remarks>
public sealed class ScoringRunner
{
    private readonly IReadOnlyList<IScorer> _scorers;
    private readonly IScoreStore _cache;
    private readonly int _parallelism;
    private int _computed;
    private int _fromCache;

    /// <param name="scorers">Each an <see cref="IImageScorer"/> or an <see cref="IAsyncImageScorer"/>; results keep this order.</param>
    /// <param name="parallelism">Workers for the CPU scorers.</param>
    public ScoringRunner(IReadOnlyList<IScorer> scorers, IScoreStore cache, int parallelism)
    {
        foreach (var s in scorers)
            if (s is not (IImageScorer or IAsyncImageScorer))
                throw new ArgumentException($"scorer '{s.Name}' is neither an {nameof(IImageScorer)} nor an {nameof(IAsyncImageScorer)}", nameof(scorers));
        _scorers = scorers;
        _cache = cache;
        _parallelism = Math.Max(1, parallelism);
    }

    /// <summary>
    /// Only read the cache: an image not scored yet stays unscored and nothing is decoded, computed or called. What
    /// a page served to a browser uses, so viewing a run never spends CPU minutes on OCR or money on a judge.
    /// </summary>
    public bool CacheOnly { get; init; }

    public int Computed => _computed;
    public int FromCache => _fromCache;

    public async Task<RunScores> ScoreAsync(string runDir, IReadOnlyList<Attempt> attempts, Suite suite, CancellationToken ct)
    {
        var prompts = suite.Prompts.ToDictionary(p => p.Id);
        var images = new ImageFileStore(runDir);
        var work = attempts.Where(a => a is { Outcome: AttemptOutcome.Ok, Image: not null, ImagePath: not null } && prompts.ContainsKey(a.PromptId)).ToList();
        var slots = work.Select(_ => new ScoreResult?[_scorers.Count]).ToArray();
        var jobs = work.Select((a, i) => new Job(a, prompts[a.PromptId].Expect, images.Resolve(a.ImagePath!), slots[i])).ToList();

        var cpu = _scorers.Select((s, i) => (i, s)).Where(x => x.s is IImageScorer).ToList();
        var remote = _scorers.Select((s, i) => (i, s)).Where(x => x.s is not IImageScorer).ToList();
        var gates = remote.ToDictionary(x => x.i, x => new SemaphoreSlim(Math.Max(1, ((IAsyncImageScorer)x.s).Concurrency)));
        try
        {
            var remoteDegree = Math.Min(256, remote.Sum(x => Math.Max(1, ((IAsyncImageScorer)x.s).Concurrency)));
            await Task.WhenAll(
                PhaseAsync(jobs, cpu, _parallelism, concurrentScorers: false, gates, ct),
                PhaseAsync(jobs, remote, Math.Max(1, remoteDegree), concurrentScorers: true, gates, ct)).ConfigureAwait(false);
        }
        finally
        {
            foreach (var gate in gates.Values) gate.Dispose();
        }

        return new RunScores(jobs.Select(j => new AttemptScores(j.Attempt, j.Slots.OfType<ScoreResult>().ToList()))
            .OrderBy(r => r.Attempt.Model, StringComparer.Ordinal).ThenBy(r => r.Attempt.PromptId, StringComparer.Ordinal).ThenBy(r => r.Attempt.Repeat).ToList());
    }

    private sealed record Job(Attempt Attempt, Expectations Expect, string ImagePath, ScoreResult?[] Slots);

    private async Task PhaseAsync(List<Job> jobs, List<(int Index, IScorer Scorer)> scorers, int degree, bool concurrentScorers,
        Dictionary<int, SemaphoreSlim> gates, CancellationToken ct)
    {
        if (scorers.Count == 0) return;
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = ct }, async (job, token) =>
        {
            var applicable = scorers.Where(x => x.Scorer.AppliesTo(job.Expect)).ToList();
            if (applicable.Count == 0) return;
            // Decoded on first need only: a fully cached image is never read.
            var decoded = new Lazy<(ScoringImage? Image, string? Error)>(() => (Load(job.ImagePath, out var error), error));
            if (concurrentScorers)
                await Task.WhenAll(applicable.Select(x => ScoreOneAsync(job, x.Index, x.Scorer, decoded, gates, token))).ConfigureAwait(false);
            else
                foreach (var (index, scorer) in applicable)
                    await ScoreOneAsync(job, index, scorer, decoded, gates, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task ScoreOneAsync(Job job, int index, IScorer scorer, Lazy<(ScoringImage? Image, string? Error)> decoded,
        Dictionary<int, SemaphoreSlim> gates, CancellationToken ct)
    {
        var key = ScoreKey.For(job.Attempt.Image!.Sha256, scorer, job.Expect);
        if (await _cache.LoadScoreAsync(key, ct).ConfigureAwait(false) is { } cached)
        {
            Interlocked.Increment(ref _fromCache);
            job.Slots[index] = cached;
            return;
        }
        if (CacheOnly) return;
        ScoreResult result;
        var remoteFailure = false;
        if (scorer is IAsyncImageScorer remote)
        {
            var gate = gates[index];
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var (image, error) = decoded.Value;
                result = image is null ? ScoreResult.Failed(scorer.Name, scorer.Version, error!) : await SafeScoreAsync(remote, image, job.Expect, ct).ConfigureAwait(false);
                remoteFailure = image is not null && result.Error is not null;
            }
            finally
            {
                gate.Release();
            }
        }
        else
        {
            var (image, error) = decoded.Value;
            result = image is null ? ScoreResult.Failed(scorer.Name, scorer.Version, error!) : SafeScore((IImageScorer)scorer, image, job.Expect, ct);
        }
        Interlocked.Increment(ref _computed);
        if (!remoteFailure) await _cache.SaveScoreAsync(key, result, ct).ConfigureAwait(false);
        job.Slots[index] = result;
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

    /// <summary>As <see cref="SafeScore"/>; a remote scorer's own timeout (cancellation we did not ask for) is a failure too.</summary>
    private static async Task<ScoreResult> SafeScoreAsync(IAsyncImageScorer scorer, ScoringImage image, Expectations expect, CancellationToken ct)
    {
        try
        {
            return await scorer.ScoreAsync(image, expect, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            return ScoreResult.Failed(scorer.Name, scorer.Version, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
