using System.Globalization;
using System.Text;
using ImageBench.Emulator.Rendering;
using ImageBench.Scoring;
using ImageBench.Scoring.Image;
using ImageBench.Suites;
using SkiaSharp;

namespace ImageBench.Bench;

/// <summary>
/// Times each weight-free scorer on one core at 1024²: an emulator poster (gradient, shapes, grain, text) and a
/// nearest-neighbour ×8 sprite (a grid is found, so every cell is examined) and a ×10.67 one (the worst case).
/// </summary>
internal static class ScorerBenchmark
{
    public const double TargetMs = 100;

    public static (string Markdown, bool AllUnderTarget) Run(int runs)
    {
        var images = new (string Name, byte[] Bytes)[]
        {
            ("poster 1024² PNG", PosterRenderer.Render(new RenderRequest("OPEN FROM 7 AM EVERY DAY", 7, 1024, 1024, "png", 90, null))),
            ("pixel-art ×8 1024² PNG", Sprite(128, 1024)),
            // The slow path: no integer period fits, so the fractional search runs in full.
            ("pixel-art ×10.67 1024² PNG", Sprite(96, 1024)),
        };
        var expect = new Expectations { Style = "pixel-art", Lighting = "from the left" };
        var rows = new List<(string Image, string Step, double Median, double P90)>();
        foreach (var (name, bytes) in images)
        {
            rows.Add((name, "decode (ScoringImage.Load)", Time(runs, () => ScoringImage.Load(bytes, out _)).Median, 0));
            var image = ScoringImage.Load(bytes, out var error) ?? throw new InvalidOperationException(error);
            _ = image.Gray;
            foreach (var scorer in WeightFreeScorers.All)
            {
                var (median, p90) = Time(runs, () => scorer.Score(image, expect, CancellationToken.None));
                rows.Add((name, scorer.Name, median, p90));
            }
            var (hashMedian, hashP90) = Time(runs, () => PerceptualHash.Of(image));
            rows.Add((name, "phash", hashMedian, hashP90));
        }
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"Command: `make bench ARGS=\"--scorers\"` — one thread, {runs} timed runs after 3 warm-up runs, Release build, {Environment.ProcessorCount} cores on the machine.");
        sb.AppendLine();
        sb.AppendLine("| image | step | median ms | p90 ms |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var r in rows)
            sb.AppendLine(c, $"| {r.Image} | {r.Step} | {r.Median:0.0} | {(r.P90 > 0 ? r.P90.ToString("0.0", c) : "")} |");
        bool under = rows.Where(r => !r.Step.StartsWith("decode", StringComparison.Ordinal)).All(r => r.Median < TargetMs);
        return (sb.ToString(), under);
    }

    private static (double Median, double P90) Time(int runs, Action action)
    {
        for (int i = 0; i < 3; i++)
            action();
        var ms = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = TimeProvider.System.GetTimestamp();
            action();
            ms[i] = TimeProvider.System.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(ms);
        return (ms[runs / 2], ms[Math.Min(runs - 1, (int)Math.Ceiling(runs * 0.9) - 1)]);
    }

    /// <summary><paramref name="cells"/>² cells of flat colour spread over <paramref name="side"/>² pixels.</summary>
    private static byte[] Sprite(int cells, int side)
    {
        var random = new Random(1);
        var palette = Enumerable.Range(0, 12).Select(_ => new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))).ToArray();
        // Blobs of colour, not per-cell noise: runs of equal cells as in drawn pixel art.
        var grid = new SKColor[cells, cells];
        for (int cy = 0; cy < cells; cy++)
        {
            for (int cx = 0; cx < cells; cx++)
                grid[cx, cy] = palette[(cx / 5 + cy / 7 + random.Next(3) / 2) % palette.Length];
        }
        using var bitmap = new SKBitmap(side, side);
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
                bitmap.SetPixel(x, y, grid[x * cells / side, y * cells / side]);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
