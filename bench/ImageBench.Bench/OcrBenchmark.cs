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
/// `--ocr`: the text scorer's calibration (how many generated posters read exactly, per engine and pass set) and
/// its speed at 1024² (images per second on one core and with every core busy) for Tesseract, PP-OCR and both.
/// `--ocr-speed tesseract|paddle|both`: only that speed table, so the printed peak RSS is that engine's.
/// </summary>
internal static class OcrBenchmark
{
    private const string Prompt =
        "Minimalist coffee shop poster — large bold serif \"MORNING BREW\", subtitle \"OPEN FROM 7 AM EVERY DAY\", watercolor coffee cup on the lower right, editorial layout.";

    /// <summary>PP-OCR passes read during calibration, so the table can show what each adds.</summary>
    private static readonly IReadOnlyList<OcrPass> PaddleCandidates =
        [new(1.0, PageSegmentation.Sparse, false), new(1.0, PageSegmentation.Sparse, true), new(0.5, PageSegmentation.Sparse, false)];

    /// <param name="speedOnly">"tesseract", "paddle" or "both": only the speed table of those configurations (peak RSS then belongs to them alone).</param>
    public static async Task<int> RunAsync(bool quick, string? speedOnly = null)
    {
        var ic = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        var posters = CalibrationCase.Standard();
        if (speedOnly is null)
        {
            using var everything = new TextScorer([TextScorer.TesseractPlan(OcrPasses.Full), TextScorer.PaddlePlan(PaddleCandidates)], ownsEngines: true);
            var emulated = EmulatedCases();
            var cjk = CjkCalibrationCases.Standard(out var cjkMissing);
            if (cjkMissing is not null) report.AppendLine(cjkMissing).AppendLine();
            if (quick)
            {
                posters = [.. posters.Where((_, i) => i % 4 < 2)]; // keeps right/misspelt pairs
                emulated = [.. emulated.Where((_, i) => i % 4 == 0)];
                cjk = [.. cjk.Where((_, i) => i % 4 < 2)];
            }
            foreach (var (title, cases) in new[] { ("generated posters (3 styles)", posters), ("the emulator's images (every emulated model profile, seed 42)", emulated), ("Chinese posters (2 looks)", cjk) })
            {
                if (cases.Count == 0) continue;
                report.AppendLine(ic, $"### OCR calibration: {title}: {cases.Count} images, 1024², {cases.Sum(c => c.Expected.Count)} strings, {cases.Sum(c => c.Expected.Zip(c.Drawn).Count(p => p.First != p.Second))} misspelt");
                report.AppendLine();
                var calibration = OcrCalibration.Run(cases, everything, 1024, Environment.ProcessorCount);
                report.AppendLine(OcrCalibration.ToMarkdown(calibration));
                foreach (var set in calibration.Where(s => s.PassSet is "tesseract full (8 passes)" or "pp-ocr x1" or "both: tesseract full + pp-ocr x1 + x0.5-psm11"))
                {
                    report.AppendLine(ic, $"Misses, {set.PassSet}:");
                    foreach (var miss in set.Misses) report.AppendLine("- " + miss);
                    report.AppendLine();
                }
                Console.Error.WriteLine($"ocr bench: {title} done");
            }
        }
        var images = posters.Take(quick ? 4 : 12).Select(c => Load(c.Render(1024))).ToList();
        // Speed: calibration posters plus the emulator's own 1024² images (noisy backgrounds, WebP and PNG).
        var factory = new ImageFactory(EmulatorOptions.ArticleDefaults(0));
        images.Add(Load((await factory.RenderAsync("flux-pro-1.1", Prompt, 1024, 1024, "webp", 90)).Bytes));
        images.Add(Load((await factory.RenderAsync("gpt-image-2", Prompt, 1024, 1024, "png", 100)).Bytes));

        var configs = new List<(string Group, string Name, Func<TextScorer> Create)>
        {
            ("tesseract", "tesseract single (x1, psm 11)", () => new([TextScorer.TesseractPlan(OcrPasses.Single)], true)),
            ("tesseract", "tesseract full (8 passes)", () => new([TextScorer.TesseractPlan(OcrPasses.Full)], true)),
            ("paddle", "pp-ocr x1 (1 pass)", () => new([TextScorer.PaddlePlan([PaddleCandidates[0]])], true)),
            ("paddle", "pp-ocr x1 + x0.5 (2 passes, its default)", () => new([TextScorer.PaddlePlan()], true)),
            ("both", "both: tesseract single + pp-ocr x1", () => new([TextScorer.TesseractPlan(OcrPasses.Single), TextScorer.PaddlePlan([PaddleCandidates[0]])], true)),
            ("both", "both: tesseract full + pp-ocr x1 + x0.5 (the default)", () => TextScorer.CreateDefault()),
        };
        report.AppendLine(ic, $"### OCR speed: {images.Count} images at 1024², {Environment.ProcessorCount} cores, OMP_THREAD_LIMIT=1, ONNX Runtime intra-op threads {Environment.GetEnvironmentVariable("IMAGEBENCH_ORT_THREADS") ?? "1"}");
        report.AppendLine();
        report.AppendLine("| engines and passes | ms per image, one at a time | images/s per core | images/s, all cores in parallel |");
        report.AppendLine("|---|---|---|---|");
        foreach (var (group, name, create) in configs.Where(c => speedOnly is null || c.Group == speedOnly))
        {
            using var scorer = create();
            // Warm up: engine start-up (model load, session creation) is paid once per worker, not per image.
            Parallel.For(0, Environment.ProcessorCount, i => scorer.Read(images[i % images.Count], CancellationToken.None));
            double serial = Time(() => { foreach (var image in images) scorer.Read(image, CancellationToken.None); });
            double parallel = Time(() => Parallel.ForEach(images, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                image => scorer.Read(image, CancellationToken.None)));
            report.AppendLine(ic, $"| {name} | {serial * 1000 / images.Count:0} | {images.Count / serial:0.00} | {images.Count / parallel:0.00} |");
        }
        report.AppendLine();
        report.AppendLine(ic, $"Peak RSS of this process: {PeakRssMiB():0} MiB{(speedOnly is null ? " (calibration and every configuration)" : $" ({speedOnly} configurations only)")}");
        Console.WriteLine(report.ToString());
        return 0;
    }

    /// <summary>VmHWM from /proc/self/status: the resident set's high-water mark.</summary>
    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
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
