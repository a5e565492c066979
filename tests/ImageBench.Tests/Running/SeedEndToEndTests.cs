using System.Globalization;
using System.Numerics;
using ImageBench.Attempts;
using ImageBench.Emulator;
using ImageBench.Providers;
using ImageBench.Reporting;
using ImageBench.Running;
using ImageBench.Tests.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Running;

/// <summary>
/// The offline demo shows seeds: a run through the emulator against every family whose real API returns one stores
/// it on the attempt (results.json "seed") and shows it under the image in report.md and in the CSV export.
/// </summary>
public sealed class SeedEndToEndTests : IDisposable
{
    // Stability's seed header is checked against its emulator in StabilityEmulatorTests: it always draws a megapixel.
    private static readonly string[] Models = ["flux-1.1-pro", "flux-1.1-pro@fal", "flux-1.1-pro@replicate", "ideogram-v3"];
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Every_seed_returning_family_stores_its_seed_and_the_report_shows_it()
    {
        await using var emulator = await EmulatorServer.StartAsync(EmulatorOptions.ArticleDefaults(0));
        var suitePath = Path.Combine(_dir.Path, "suite.yaml");
        await File.WriteAllTextAsync(suitePath, "prompts:\n  - id: sign\n    text: 'A shop sign reading \"OPEN\"'\n");
        // Small images and short polls: drawing and waiting are not what this test is about.
        var modelsFile = Path.Combine(_dir.Path, "models.yaml");
        await File.WriteAllTextAsync(modelsFile, "models:\n" + string.Concat(Models.Select(m => $"  \"{m}\":\n    size: 256x256\n    poll_interval_ms: 1\n"
            + (m.EndsWith("@replicate", StringComparison.Ordinal) ? "    options: { size: width_height }\n" : ""))));
        using var http = ProviderRegistry.CreateHttpClient();
        using var providers = new ProviderRegistry(http, ProviderHarness.Policy);
        var session = new RunSession(TimeProvider.System, new FixedCredentialSource("k"), providers, SilentProgress.Instance);
        var outDir = Path.Combine(_dir.Path, "run");

        var result = await session.ExecuteAsync(new RunRequest { SuitePath = suitePath, ModelsFile = modelsFile, Models = Models, OutDir = outDir },
            new EmulatorBinding(emulator.BaseUrl, 0), CancellationToken.None);

        var (_, attempts) = await ResultsJsonReader.ReadAsync(Path.Combine(outDir, ResultsJsonWriter.FileName));
        Assert.Equal(Models.Length, result.Report!.Attempts.Count);
        Assert.All(attempts, a =>
        {
            Assert.True(a.Outcome == AttemptOutcome.Ok, $"{a.Model}: {a.Outcome} {a.Reason}");
            Assert.True(BigInteger.TryParse(a.Seed, NumberStyles.None, CultureInfo.InvariantCulture, out _), $"{a.Model}: seed '{a.Seed}'");
        });
        // fal's seeds exceed 2^63 as in the recorded webhook: they survive as text, not as a clipped Int64.
        Assert.True(ulong.Parse(attempts.Single(a => a.Model == "flux-1.1-pro@fal").Seed!, CultureInfo.InvariantCulture) > long.MaxValue);

        var markdown = await File.ReadAllTextAsync(Path.Combine(outDir, ReportFiles.Markdown));
        var csv = CsvReportWriter.Write(attempts); // `report --format csv` writes this from the same results.json
        Assert.All(attempts, a =>
        {
            Assert.Contains($"- Seed: {a.Seed}", markdown, StringComparison.Ordinal);
            Assert.Contains($",{a.Seed},", csv, StringComparison.Ordinal);
        });
    }
}
