using System.Globalization;
using ImageBench.Attempts;
using ImageBench.Running;

namespace ImageBench.Cli.Commands;

/// <summary>One plain line per finished attempt: readable in a terminal, a CI log or a pipe alike.</summary>
internal sealed class ConsoleProgress(TextWriter output) : IRunProgress
{
    private readonly Lock _lock = new();

    public void AttemptFinished(Attempt a, int finished, int total)
    {
        var width = total.ToString(CultureInfo.InvariantCulture).Length;
        var image = a.Image is { } i ? $"{i.Format} {i.Width}x{i.Height} {i.Bytes / 1024.0:0} KB" : "";
        var cost = a.CostUsd is { } c ? $"${c:0.####} ({a.CostSource})" : "";
        var retries = a.Retries.Count > 0 ? $"{a.Retries.Count} retr{(a.Retries.Count == 1 ? "y" : "ies")}" : "";
        var reason = a.Outcome == AttemptOutcome.Ok ? "" : a.Reason ?? "";
        var line = string.Join("  ", new[]
        {
            $"[{finished.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{total}]", a.Model, $"{a.PromptId}#{a.Repeat}",
            a.Outcome.ToWire(), $"{a.LatencyMs / 1000:0.00} s", image, cost, retries, reason,
        }.Where(s => s.Length > 0));
        lock (_lock) output.WriteLine(line);
    }

    public void AttemptSuperseded(Attempt a)
    {
        lock (_lock) output.WriteLine($"warning: {a.Model} {a.PromptId}#{a.Repeat} came back ({a.Outcome.ToWire()}) after another process had taken the slot over; kept in the store as a superseded (paid) attempt");
    }

    private int _lastWaiting = -1;

    public void WaitingForOthers(int heldByOthers)
    {
        lock (_lock)
        {
            if (heldByOthers == _lastWaiting) return;
            _lastWaiting = heldByOthers;
            output.WriteLine($"waiting: {heldByOthers} slot(s) are in flight in another process on this run; taking them over if it stops");
        }
    }

    public void BudgetReached(decimal spent, decimal limit, int slotsNotRun)
    {
        lock (_lock) output.WriteLine($"budget: stopped before exceeding ${limit:0.####} (spent ${spent:0.####}); {slotsNotRun} call(s) not made — raise --budget and --resume to continue");
    }
}
