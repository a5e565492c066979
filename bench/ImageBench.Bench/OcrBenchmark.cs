using System.Globalization;
using System.Text;
using ImageBench.Emulator;
using ImageBench.Emulator.Rendering;
using ImageBench.Scoring;
using ImageBench.Scoring.Ocr;
using ImageBench.Scoring.Text;
using ImageBench.Scoring.Text.Calibration;

namespace ImageBench.Bench;

/// <summary>
/// `--ocr`: the text scorer's calibration (how many generated posters read exactly, per pass set) and its speed
/// at 1024² (images per second on one core, single pass and the full eight passes, and with every core busy).
/// </summary>
internal static class OcrBenchmark
{
    private const string Prompt =
        "Minimalist coffee shop poster — large bold serif \"MORNING BREW\", subtitle \"OPEN FROM 7 AM EVERY DAY\", watercolor coffee cup on the lower right, editorial layout.";

    public static async Task<int> RunAsync(bool quick)
    {
        var ic = CultureInfo.InvariantCulture;
        using var full = TextScorer.CreateDefault(OcrPasses.Full);
        using var single = TextScorer.CreateDefault(OcrPasses.Single);
        var posters = CalibrationCase.Standard();
        var emulated = EmulatedCases();
        if (quick)
        {
            posters = [.. posters.Where((_, i) => i % 4 < 2)]; // keeps right/misspelt pairs
            emulated = [.. emulated.Where((_, i) => i % 4 == 0)];
        }

        var report = new StringBuilder();
        foreach (var (title, cases) in new[] { ("generated posters (3 styles)", posters), ("the emulator's images (every emulated model profile, seed 42)", emulated) })
        {
            report.AppendLine(ic, $"### OCR calibration: {title}: {cases.Count} images, 1024², {cases.Sum(c => c.Expected.Count)} strings, {cases.Sum(c => c.Expected.Zip(c.Drawn).Count(p => p.First != p.Second))} misspelt");
            report.AppendLine();
            var calibration = OcrCalibration.Run(cases, full, 1024, Environment.ProcessorCount);
            report.AppendLine(OcrCalibration.ToMarkdown(calibration));
            foreach (var set in calibration.Where(s => s.PassSet.StartsWith("single", StringComparison.Ordinal) || s.PassSet.StartsWith("full", StringComparison.Ordinal)))
            {
                report.AppendLine(ic, $"Misses, {set.PassSet}:");
                foreach (var miss in set.Misses) report.AppendLine("- " + miss);
                report.AppendLine();
            }
        }
        var images = posters.Take(quick ? 4 : 12).Select(c => Load(c.Render(1024))).ToList();

        // Speed: calibration posters plus the emulator's own 1024² images (noisy backgrounds, WebP and PNG).
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        images.Add(Load((await factory.RenderAsync("flux-pro-1.1", Prompt, 1024, 1024, "webp", 90)).Bytes));
        images.Add(Load((await factory.RenderAsync("gpt-image-2", Prompt, 1024, 1024, "png", 100)).Bytes));
        // Warm up: engine start-up (model load) is paid once per worker, not per image.
        single.Read(images[0], CancellationToken.None);
        full.Read(images[0], CancellationToken.None);

        report.AppendLine(ic, $"### OCR speed: {images.Count} images at 1024², {Environment.ProcessorCount} cores, OMP_THREAD_LIMIT=1");
        report.AppendLine();
        report.AppendLine("| pass set | ms per image, one core | images/s per core | images/s, all cores in parallel |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (name, scorer) in new[] { ("single pass (x1, psm 11)", single), ("full (8 passes)", full) })
        {
            double serial = Time(() => { foreach (var image in images) scorer.Read(image, CancellationToken.None); });
            double parallel = Time(() => Parallel.ForEach(images, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                image => scorer.Read(image, CancellationToken.None)));
            report.AppendLine(ic, $"| {name} | {serial * 1000 / images.Count:0} | {images.Count / serial:0.00} | {images.Count / parallel:0.00} |");
        }
        Console.WriteLine(report.ToString());
        return 0;
    }

    /// <summary>Prompts with quoted strings, drawn by every emulated model profile (typos at each profile's rate).</summary>
    private static List<CalibrationCase> EmulatedCases()
    {
        string[] prompts =
        [
            Prompt,
            "A bakery window sign reading \"FRESH BREAD DAILY\" above a basket of loaves.",
            "Concert flyer with the headline \"LIVE MUSIC TONIGHT\" and the line \"DOORS OPEN AT 8 PM\".",
            "A street banner that says \"GRAND OPENING SALE\", bold sans serif.",
            "Book cover: title \"THE SILENT VALLEY\", author line \"A NOVEL BY MAYA REYES\".",
            "Vintage travel poster, large text \"VISIT BEAUTIFUL VENICE\".",
        ];
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        var options = EmulatorOptions.ArticleDefaults(0);
        var models = ArticleProfiles.All.Keys.Where(m => m != EmulatorWarmup.Model).Order(StringComparer.Ordinal).ToList();
        return [.. from prompt in prompts
                   from model in models
                   let expected = QuotedStrings.In(prompt)
                   select new CalibrationCase(expected, factory.RenderedStrings(model, prompt), model,
                       size => factory.RenderAsync(model, prompt, size, size, options.ProfileFor(model).ImageFormat, 90).GetAwaiter().GetResult().Bytes)];
    }

    private static ScoringImage Load(byte[] bytes) => ScoringImage.Load(bytes, out var error) ?? throw new InvalidOperationException(error);

    private static double Time(Action action)
    {
        var start = TimeProvider.System.GetTimestamp();
        action();
        return TimeProvider.System.GetElapsedTime(start).TotalSeconds;
    }
}
