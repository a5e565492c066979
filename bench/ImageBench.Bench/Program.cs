using System.Globalization;
using ImageBench.Bench;

// Measures ImageBench's own cost: the latency the harness records minus the server's time, against a bare
// HttpClient loop doing the same calls in the same run, and throughput with 1 MB images.
// Usage: make bench [ARGS="--quick"]; make bench ARGS="--scorers" times the weight-free image scorers instead;
// make bench ARGS="--faults" writes the fault × protocol matrix of docs/reliability.md.
var quick = args.Contains("--quick");
// As the CLI does: a thread pool that grows slowly would delay latency stamps in a burst of 64 calls.
ThreadPool.SetMinThreads(64, 64);
if (args.Contains("--scorers"))
{
    // Weight-free image scorers, one core: make bench ARGS="--scorers" (docs/performance.md).
    var (scorerTable, underTarget) = ScorerBenchmark.Run(runs: quick ? 5 : 20);
    Console.WriteLine(scorerTable);
    return underTarget ? 0 : 1;
}
// --ocr: the text scorer's calibration and speed instead (make bench ARGS="--ocr").
if (args.Contains("--ocr"))
{
    return await OcrBenchmark.RunAsync(quick);
}
if (Array.IndexOf(args, "--ocr-speed") is var at and >= 0)
{
    return await OcrBenchmark.RunAsync(quick, at + 1 < args.Length ? args[at + 1] : "both");
}
// --kill-resume: ten SIGKILLs and resumes of real CLI processes per trial (docs/reliability.md).
if (args.Contains("--kill-resume"))
{
    return await KillResumeBenchmark.RunAsync(quick, writeDocs: args.Contains("--write-docs"));
}
// --faults: the fault × protocol matrix, written into docs/reliability.md (make bench ARGS=--faults).
if (args.Contains("--faults"))
{
    var cells = await FaultMatrix.RunAsync(label => Console.Error.WriteLine($"fault {label}"));
    var table = FaultMatrixReport.ToMarkdown(cells);
    Console.WriteLine(table);
    const string doc = "docs/reliability.md";
    if (File.Exists(doc) && FaultMatrixReport.Splice(await File.ReadAllTextAsync(doc), table, out var updated))
    {
        await File.WriteAllTextAsync(doc, updated);
        Console.Error.WriteLine($"wrote the matrix into {doc}");
    }
    else
    {
        Console.Error.WriteLine($"{doc} (with its fault-matrix markers) not found from {Environment.CurrentDirectory}: printed only");
    }
    return 0;
}
var report = new BenchReport();
foreach (var concurrency in new[] { 1, 16, 64 })
    report.Overhead.Add(await OverheadBenchmark.RunAsync(concurrency, calls: quick ? Math.Max(32, concurrency * 2) : concurrency switch { 1 => 240, 16 => 960, _ => 2560 }));
report.Throughput = await ThroughputBenchmark.RunAsync(calls: quick ? 64 : 256, concurrency: 16, imageBytes: 1_000_000);
Console.WriteLine(report.ToMarkdown(string.Join(' ', args), Environment.ProcessorCount, CultureInfo.InvariantCulture));
return report.Overhead.All(o => o.P99DifferenceMs <= 2.0) ? 0 : 1;
