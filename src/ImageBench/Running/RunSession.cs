using ImageBench.Catalog;
using ImageBench.Configuration;
using ImageBench.Providers;
using ImageBench.Reporting;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;

namespace ImageBench.Running;

/// <summary>
/// One <c>imagebench run</c> from request to reports: validates everything before the first call (bad suite,
/// unknown model, missing key → <see cref="InputException"/>), then runs, then writes results.json and reports.
/// </summary>
public sealed class RunSession(TimeProvider time, ICredentialSource credentials, ProviderRegistry providers, IRunProgress progress)
{
    /// <summary>Runs once the plan is known and validated, before the first call (the emulator renders its images here).</summary>
    public Func<RunPlan, CancellationToken, Task>? BeforeRun { get; init; }

    /// <summary>Scorers run over the images once every attempt is done (never during: it would slow the clocks). Empty: no scoring.</summary>
    public IReadOnlyList<Scoring.IScorer> Scorers { get; init; } = [];

    /// <summary>Hears what scoring did: images computed and taken from the cache.</summary>
    public Action<Scoring.ScoringRunner>? AfterScoring { get; init; }

    public async Task<RunSessionResult> ExecuteAsync(RunRequest request, EmulatorBinding? emulator, CancellationToken ct)
    {
        if (request.Repeat is < 1 or > 10_000) throw new InputException($"--repeat must be from 1 to 10000, not {request.Repeat}");
        var storePath = Path.Combine(request.OutDir, SqliteRunStore.FileName);
        RunManifest? prior = null;
        if (request.Resume)
        {
            if (!File.Exists(storePath)) throw new InputException($"{request.OutDir}: nothing to resume (no {SqliteRunStore.FileName} there)");
            await using var existing = await SqliteRunStore.OpenAsync(request.OutDir, ct).ConfigureAwait(false);
            prior = await existing.LoadManifestAsync(ct).ConfigureAwait(false)
                ?? throw new InputException($"{request.OutDir}: the run was stopped before it started (no manifest, nothing sent or paid for); start it again with `imagebench run` and the same --out");
        }
        else if (File.Exists(storePath) && await HoldsARunAsync(request.OutDir, ct).ConfigureAwait(false))
        {
            throw new InputException($"{request.OutDir} already holds a run: continue it with --resume, or choose another --out");
        }

        var suite = SuiteLoader.Load(request.SuitePath ?? prior?.SuitePath ?? throw new InputException("--suite is required"));
        if (prior is not null && prior.SuiteSha256 != suite.Sha256)
            throw new InputException($"{suite.Path}: the suite changed since this run started (sha256 {prior.SuiteSha256[..12]}… → {suite.Sha256[..12]}…); start a new run instead of resuming");
        var models = ResolveModels(request, prior, emulator);
        var plan = new RunPlan(suite, models, prior?.Repeat ?? request.Repeat);
        // Before anything is drawn, created or called: a refused budget must leave --out as it was.
        Runner.RequireEstimates(models, request.BudgetUsd);
        if (request.DryRun) return new RunSessionResult(plan, null, null, 0);

        foreach (var model in models) { credentials.For(model); providers.For(model.Provider); }
        if (BeforeRun is not null) await BeforeRun(plan, ct).ConfigureAwait(false);
        Directory.CreateDirectory(request.OutDir);
        await using var store = await OpenForRunAsync(request, time, ct).ConfigureAwait(false);
        var ours = prior ?? NewManifest(suite, plan, request, emulator);
        var manifest = await store.SaveOrLoadManifestAsync(ours, ct).ConfigureAwait(false);
        // Two `run`s started together on one directory: the first manifest wins, the other refuses as if it had
        // found the run there (only --resume processes share a run).
        if (manifest.RunId != ours.RunId)
            throw new InputException($"{request.OutDir} already holds a run ({manifest.RunId}, started by another process): continue it with --resume, or choose another --out");
        var runner = new Runner(providers, credentials, store, new ImageFileStore(request.OutDir), time,
            new RunnerOptions { AttemptTimeout = request.AttemptTimeout, BudgetUsd = request.BudgetUsd }, progress);
        var result = await runner.RunAsync(plan, manifest.RunId, ct).ConfigureAwait(false);

        Scoring.RunScores? scores = null;
        if (Scorers.Count > 0 && !ct.IsCancellationRequested)
        {
            var scoring = new Scoring.ScoringRunner(Scorers, store, Environment.ProcessorCount);
            scores = await scoring.ScoreAsync(request.OutDir, await store.LoadAttemptsAsync(ct).ConfigureAwait(false), suite, ct).ConfigureAwait(false);
            AfterScoring?.Invoke(scoring);
        }
        var report = await ReportFiles.WriteAllAsync(request.OutDir, store, suite, CancellationToken.None, scores: scores).ConfigureAwait(false);
        var failed = report.Attempts.Count(a => a.Outcome != Attempts.AttemptOutcome.Ok);
        var exit = result.Cancelled ? ExitCodes.Interrupted
            : request.FailAbove is { } limit && report.Attempts.Count > 0 && (double)failed / report.Attempts.Count > limit ? ExitCodes.FailuresAboveThreshold
            : ExitCodes.Ok;
        return new RunSessionResult(plan, result, report, exit);
    }

    /// <summary>
    /// A fresh run that finds the store unusable at this point raced another `run` creating it (the file exists but is
    /// not written yet): the directory is that run's.
    /// </summary>
    private static async Task<SqliteRunStore> OpenForRunAsync(RunRequest request, TimeProvider time, CancellationToken ct)
    {
        try
        {
            return await SqliteRunStore.OpenAsync(request.OutDir, time, ct).ConfigureAwait(false);
        }
        catch (UnusableStoreException e) when (!request.Resume)
        {
            throw new InputException($"{request.OutDir} already holds a run whose store cannot be read now ({e.Message}); if another `run` is starting there, continue it with --resume; if not, see `imagebench doctor {request.OutDir}`");
        }
    }

    /// <summary>
    /// A store without a manifest is one whose process was stopped before its run began: nothing can have been sent
    /// (calls start only after the manifest is written), so a fresh `run` may take the directory.
    /// </summary>
    private static async Task<bool> HoldsARunAsync(string outDir, CancellationToken ct)
    {
        // An empty file is a store another `run` has just created and not yet written: that run owns the directory.
        if (new FileInfo(Path.Combine(outDir, SqliteRunStore.FileName)).Length == 0) return true;
        try
        {
            await using var existing = await SqliteRunStore.OpenAsync(outDir, ct).ConfigureAwait(false);
            return await existing.LoadManifestAsync(ct).ConfigureAwait(false) is not null;
        }
        catch (UnusableStoreException e)
        {
            // Half-written by a `run` starting at this moment, or damaged: either way not a directory to start in.
            throw new InputException($"{outDir} already holds a run whose store cannot be read now ({e.Message}); if another `run` is starting there, continue it with --resume; if not, see `imagebench doctor {outDir}`");
        }
    }

    private static List<ModelEntry> ResolveModels(RunRequest request, RunManifest? prior, EmulatorBinding? emulator)
    {
        List<ModelEntry> models;
        if (prior is not null && request.Models.Count == 0)
        {
            // Resume costs and calls exactly what the run started with, prices included.
            models = prior.Catalog.Select(n => CatalogJson.FromJson(n!.AsObject())).ToList();
        }
        else
        {
            if (request.Models.Count == 0) throw new InputException("name at least one model with --model (see `imagebench models`)");
            var catalog = ModelCatalog.Load(request.ModelsFile);
            var duplicate = request.Models.GroupBy(m => m).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new InputException($"model '{duplicate.Key}' is named twice");
            models = request.Models.Select(catalog.Get).ToList();
            if (prior is not null && !models.Select(m => m.Id).SequenceEqual(prior.Models))
                throw new InputException($"--resume continues the models the run started with ({string.Join(", ", prior.Models)}); leave --model out or start a new run");
        }
        if (emulator is not null)
            models = models.Select(m => ModelCatalog.Rebase(m, emulator.BaseUrl, emulator.TimeScale)).ToList();
        return models;
    }

    private RunManifest NewManifest(Suite suite, RunPlan plan, RunRequest request, EmulatorBinding? emulator)
    {
        var now = time.GetUtcNow();
        return new RunManifest
        {
            RunId = $"run-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}",
            CreatedAt = now,
            ToolVersion = typeof(RunSession).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            SuiteName = suite.Name,
            SuitePath = Path.GetFullPath(suite.Path),
            SuiteSha256 = suite.Sha256,
            Models = plan.Models.Select(m => m.Id).ToList(),
            Repeat = plan.Repeat,
            Catalog = [.. plan.Models.Select(m => (System.Text.Json.Nodes.JsonNode)CatalogJson.ToJson(m))],
            Parameters = new System.Text.Json.Nodes.JsonObject
            {
                ["attempt_timeout_s"] = request.AttemptTimeout.TotalSeconds,
                ["budget_usd"] = request.BudgetUsd,
                ["fail_above"] = request.FailAbove,
                ["models_file"] = request.ModelsFile,
            },
            EmulatorTimeScale = emulator?.TimeScale,
        }.WithJudge(request.Judge);
    }
}

internal static class ManifestJudge
{
    public static RunManifest WithJudge(this RunManifest manifest, Scoring.Judge.JudgeSettings? judge)
    {
        judge?.WriteTo(manifest.Parameters);
        return manifest;
    }
}

/// <param name="Run">Null for a dry run.</param>
/// <param name="Report">Null for a dry run.</param>
public sealed record RunSessionResult(RunPlan Plan, RunResult? Run, RunReportFiles? Report, int ExitCode);
