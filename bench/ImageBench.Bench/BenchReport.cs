using System.Globalization;
using System.Text;

namespace ImageBench.Bench;

internal sealed record OverheadResult(int Concurrency, int Calls, double HarnessP50Ms, double HarnessP99Ms, double BareP50Ms, double BareP99Ms, double HarnessMeanServerMs, double HarnessCallsPerSecond, double BareCallsPerSecond)
{
    public double P99DifferenceMs => HarnessP99Ms - BareP99Ms;
}

internal sealed record ThroughputResult(int Calls, int Concurrency, long ImageBytes, double HarnessImagesPerSecond, double BareImagesPerSecond);

internal sealed class BenchReport
{
    public List<OverheadResult> Overhead { get; } = [];
    public ThroughputResult? Throughput { get; set; }

    public string ToMarkdown(string args, int cores, IFormatProvider f)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Command: `make bench{(args.Length > 0 ? $" ARGS=\"{args}\"" : "")}` — {cores} cores, Release build.");
        sb.AppendLine();
        sb.AppendLine("Overhead = latency recorded − server time (openai-processing-ms, a constant 250 ms here), per call, in ms.");
        sb.AppendLine();
        sb.AppendLine("| concurrency | calls | harness p50 | harness p99 | bare HttpClient p50 | bare p99 | p99 difference | target ≤ 2 ms | harness calls/s | bare calls/s |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var o in Overhead)
            sb.AppendLine(string.Format(f, "| {0} | {1} | {2:0.00} | {3:0.00} | {4:0.00} | {5:0.00} | {6:+0.00;-0.00} | {7} | {8:0} | {9:0} |",
                o.Concurrency, o.Calls, o.HarnessP50Ms, o.HarnessP99Ms, o.BareP50Ms, o.BareP99Ms, o.P99DifferenceMs, o.P99DifferenceMs <= 2.0 ? "met" : "**missed**",
                o.HarnessCallsPerSecond, o.BareCallsPerSecond));
        if (Throughput is { } t)
        {
            sb.AppendLine();
            sb.AppendLine(string.Format(f, "Throughput, {0} calls of {1:0.0} MB images at concurrency {2}, zero emulated latency:", t.Calls, t.ImageBytes / 1e6, t.Concurrency));
            sb.AppendLine();
            sb.AppendLine("| | images/s | ratio to bare |");
            sb.AppendLine("|---|---|---|");
            sb.AppendLine(string.Format(f, "| harness (parse, hash, header read, store file + SQLite row) | {0:0.0} | {1:0.00} |", t.HarnessImagesPerSecond, t.HarnessImagesPerSecond / t.BareImagesPerSecond));
            sb.AppendLine(string.Format(f, "| bare HttpClient (send, read body) | {0:0.0} | 1.00 |", t.BareImagesPerSecond));
        }
        return sb.ToString();
    }
}
