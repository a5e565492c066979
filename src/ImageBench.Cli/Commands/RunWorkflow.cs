using System.Globalization;
using ImageBench.Emulator;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Reporting;
using ImageBench.Running;
using Spectre.Console;

namespace ImageBench.Cli.Commands;

/// <summary>Shared by <c>run</c> and <c>demo</c>: optional in-process emulator, the session, and what is printed.</summary>
internal static class RunWorkflow
{
    /// <param name="faults">Faults the in-process emulator injects (<c>--fault</c>); model names already upstream names.</param>
    /// <param name="retryPossiblyBilled">--retry-unsafe: retry calls that create paid work even when the provider may have read them.</param>
    public static async Task<int> ExecuteAsync(RunRequest request, double? emulatorTimeScale, TextWriter output, CancellationToken ct, bool score = true,
        IReadOnlyList<Emulator.Faults.FaultSpec>? faults = null, bool retryPossiblyBilled = false)
    {
        if (emulatorTimeScale is null) Catalog.GatewayPlaceholder.RefuseUnset(Catalog.ModelCatalog.Load(request.ModelsFile), request.Models);
        await using var emulator = emulatorTimeScale is { } scale
            ? await EmulatorServer.StartAsync(Emulator.Faults.FaultSpecs.Apply(EmulatorOptions.ArticleDefaults(scale), faults ?? []), ct)
            : null;
        var binding = emulator is null ? null : new EmulatorBinding(emulator.BaseUrl, emulatorTimeScale!.Value);
        ICredentialSource credentials = emulator is null ? new EnvironmentCredentialSource() : new FixedCredentialSource("emulator-key");
        using var providers = new ProviderRegistry(RetryPolicy.Default with { RetryPossiblyBilled = retryPossiblyBilled });
        using var judgeHttp = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        // Created before the run so a judge without its key fails before anything is paid for.
        var judge = score ? request.Judge?.Create(judgeHttp, emulator?.BaseUrl) : null;
        var session = new RunSession(TimeProvider.System, credentials, providers, new ConsoleProgress(output))
        {
            Scorers = !score ? [] : judge is null ? Scoring.DefaultScorers.All() : [.. Scoring.DefaultScorers.All(), judge],
            AfterScoring = s => output.WriteLine($"scoring: {s.Computed} scores computed, {s.FromCache} from the cache"),
            BeforeRun = emulator is null ? null : async (plan, token) =>
            {
                var start = TimeProvider.System.GetTimestamp();
                await emulator.PrewarmAsync(EmulatorPlan.CallsOf(plan)).WaitAsync(token);
                await EmulatorWarmup.RunAsync(plan, providers, token);
                await output.WriteLineAsync($"emulator: drew {plan.Slots.Count} images in {TimeProvider.System.GetElapsedTime(start).TotalSeconds:0.0} s, before any clock started");
            },
        };
        if (binding is not null)
            await output.WriteLineAsync($"emulator: {binding.BaseUrl} (time scale ×{binding.TimeScale.ToString(CultureInfo.InvariantCulture)}; latencies are the article's scaled by this factor)");
        if (faults is { Count: > 0 })
            await output.WriteLineAsync($"emulator faults: {string.Join(", ", faults)}");

        var result = await session.ExecuteAsync(request, binding, ct);
        if (emulator is not null && faults is { Count: > 0 })
            foreach (var line in emulator.StatsSnapshot().Summary("emulator served")) await output.WriteLineAsync(line);
        if (result.Report is null)
        {
            PrintPlan(result.Plan, output);
            return 0;
        }
        ConsoleReportWriter.Write(result.Report.Report, AnsiConsole.Console);
        if (result.Run is { Cancelled: true })
            await output.WriteLineAsync($"interrupted: continue with `imagebench run --resume --out {request.OutDir}`");
        foreach (var file in result.Report.Written)
            await output.WriteLineAsync("wrote " + file);
        return result.ExitCode;
    }

    private static void PrintPlan(RunPlan plan, TextWriter output)
    {
        output.WriteLine($"plan: {plan.Suite.Prompts.Count} prompts × {plan.Models.Count} models × {plan.Repeat} repeats = {plan.Slots.Count} calls (suite {plan.Suite.Name}, sha256 {plan.Suite.Sha256[..12]}…)");
        decimal total = 0;
        var unknown = false;
        foreach (var (model, cost) in plan.EstimatedCostByModel())
        {
            var entry = plan.Models.First(m => m.Id == model);
            var calls = plan.Suite.Prompts.Count * plan.Repeat;
            output.WriteLine($"  {model,-20} {calls} calls to {entry.BaseUrl.Authority,-28} est. {(cost is { } c ? "$" + c.ToString("0.####", CultureInfo.InvariantCulture) : "unknown (no per-image price)")}  (price: {entry.Price.Source}, read {entry.Price.ReadOn:yyyy-MM-dd})");
            total += cost ?? 0;
            unknown |= cost is null;
        }
        output.WriteLine($"estimated total: ${total.ToString("0.####", CultureInfo.InvariantCulture)}{(unknown ? " + unknown" : "")} (catalog per-image prices at the default size; nothing was called)");
    }
}
