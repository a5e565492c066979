using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Emulator.Faults;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Running;

namespace ImageBench.Bench;

/// <summary>One family's slot under one forced fault: what ImageBench recorded and what the emulator billed.</summary>
internal sealed record FaultCell(
    string Family, string Model, string Fault, bool Injected, AttemptOutcome Outcome, int? HttpStatus, int Retries,
    int Submissions, int Billed, bool CostRecorded, string? Reason);

/// <summary>
/// The fault × protocol matrix of docs/reliability.md: for every fault kind at every site it applies to, one slot of
/// each protocol family runs through the whole product (run session, adapters, retries, store) against an emulator
/// that injects that fault on every eligible call (never twice in a row for transient ones, as documented). It
/// reports what the code does; it asserts nothing, so it can be regenerated after any change to the retry rules.
/// </summary>
internal static class FaultMatrix
{
    /// <summary>One model per protocol family, in the doc's column order, at the smallest size each accepts.</summary>
    public static readonly (string Family, string Model, string? Size)[] Families =
    [
        ("openai", "gpt-image-2", "256x256"), ("bfl", "flux-1.1-pro", "256x256"), ("fal", "flux-1.1-pro@fal", "256x256"),
        ("replicate", "flux-1.1-pro@replicate", "256x256"), ("gemini", "gemini-2.5-flash-image", null), ("imagen", "imagen-4.0-generate-001", null),
        ("openrouter", "gemini-2.5-flash-image-openrouter", null), ("dashscope", "qwen-image-plus", "256x256"), ("ark", "seedream-4-0", "256x256"),
        ("stability", "stable-image-core", null), ("ideogram", "ideogram-v3", "256x256"), ("recraft", "recraftv3", "256x256"),
    ];

    /// <summary>A hang is only ended by the attempt deadline; every other case gets all the time it needs on a busy machine.</summary>
    private static TimeSpan AttemptTimeout(FaultKind kind) => kind == FaultKind.Hang ? TimeSpan.FromSeconds(3) : TimeSpan.FromMinutes(2);

    public static IEnumerable<(string Label, FaultKind Kind, FaultSite Site)> Cases() =>
        new[] { ("none", FaultKind.None, FaultSite.Create) }
            .Concat(FaultKinds.All.SelectMany(k => k.Sites.Select(s => (FaultKinds.Label(k.Kind, s), k.Kind, s))));

    public static async Task<List<FaultCell>> RunAsync(Action<string> progress)
    {
        var cells = new List<FaultCell>();
        foreach (var (label, kind, site) in Cases())
        {
            progress(label);
            cells.AddRange(await RunCaseAsync(label, kind, site));
        }
        return cells;
    }

    private static async Task<IEnumerable<FaultCell>> RunCaseAsync(string label, FaultKind kind, FaultSite site)
    {
        var failures = kind == FaultKind.None ? new FailureInjection() : new FailureInjection { Faults = [new FaultRate(kind, site, 1)] };
        // No article profiles: every model answers at once, in JPEG, with only this fault.
        var options = new EmulatorOptions { TimeScale = 0, DefaultProfile = new ModelProfile { ImageFormat = "jpeg", Failures = failures } };
        await using var emulator = await EmulatorServer.StartAsync(options);
        var dir = Directory.CreateTempSubdirectory("imagebench-faults-").FullName;
        try
        {
            var suite = Path.Combine(dir, "suite.yaml");
            await File.WriteAllTextAsync(suite, "name: faults\nprompts:\n  - id: sign\n    text: 'a shop sign that says \"OPEN\"'\n");
            var models = Path.Combine(dir, "models.yaml");
            await File.WriteAllTextAsync(models, "models:\n" + string.Concat(Families.Where(f => f.Size is not null).Select(f => $"  {f.Model}:\n    size: {f.Size}\n")));
            using var http = ProviderRegistry.CreateHttpClient();
            // The default rules (which statuses and errors are retried, how often), with waits shrunk to milliseconds.
            using var providers = new ProviderRegistry(http, RetryPolicy.Default with { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) });
            var session = new RunSession(TimeProvider.System, new FixedCredentialSource("bench-key"), providers, SilentProgress.Instance)
            {
                // Drawn before the clocks start, as run --emulator does, so no case waits on the renderer.
                BeforeRun = (plan, ct) => emulator.PrewarmAsync(EmulatorPlan.CallsOf(plan)).WaitAsync(ct),
            };
            var request = new RunRequest
            {
                SuitePath = suite, ModelsFile = models, Models = [.. Families.Select(f => f.Model)], OutDir = Path.Combine(dir, "run"),
                AttemptTimeout = AttemptTimeout(kind),
            };
            var result = await session.ExecuteAsync(request, new EmulatorBinding(emulator.BaseUrl, 0), CancellationToken.None);
            var attempts = result.Report?.Attempts ?? throw new InvalidOperationException($"{label}: the run wrote no report");
            var catalog = result.Plan.Models.ToDictionary(m => m.Id);
            return Families.Select(f =>
            {
                var a = attempts.Single(x => x.Model == f.Model);
                var counters = emulator.Stats.ForModel(catalog[f.Model].Upstream);
                bool injected = kind == FaultKind.None || counters.Faults.Count > 0;
                return new FaultCell(f.Family, f.Model, label, injected, a.Outcome, a.HttpStatus, a.Retries.Count,
                    counters.Submissions, counters.Billed, a.CostUsd is not null, a.Reason);
            }).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
