using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Images;
using ImageBench.Scoring;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using SkiaSharp;

namespace ImageBench.Tests.Web;

/// <summary>
/// Writes a run directory the way a run does — manifest, attempts and image files through the run store and the
/// image store, cached scores through the score cache — without calling anything, so web tests get many shapes of
/// run (20 models, an interrupted one, hostile text) in milliseconds.
/// </summary>
internal sealed class RunBuilder(string directory, string suitePath)
{
    private readonly List<(string Id, string Name)> _models = [];
    private readonly List<Func<SqliteRunStore, ImageFileStore, Suite, Task>> _writes = [];
    private readonly DateTimeOffset _start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private int _attempts;

    public int Repeat { get; init; } = 1;
    public DateTimeOffset CreatedAt { get; init; } = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    public RunBuilder Model(string id, string name)
    {
        _models.Add((id, name));
        return this;
    }

    /// <summary>An attempt with an image of this size (a pattern fine enough to see at 100 %), optionally with a text verdict.</summary>
    public RunBuilder Image(string model, string prompt, int width = 1024, int height = 1024, bool? textPassed = null, int repeat = 0, double latencyMs = 5_000)
    {
        var order = _attempts++;
        _writes.Add(async (store, images, suite) =>
        {
            var bytes = Picture(width, height, order);
            var facts = ImageInspector.Inspect(bytes).Facts!;
            var path = await images.SaveAsync(bytes, facts, CancellationToken.None);
            await store.SaveAttemptAsync(Base(model, prompt, repeat, order) with
            {
                Outcome = AttemptOutcome.Ok,
                LatencyMs = latencyMs,
                CostUsd = 0.03m,
                CostSource = CostSources.CatalogPerImage,
                Image = facts,
                ImagePath = path,
            }, CancellationToken.None);
            if (textPassed is { } passed)
            {
                var scorer = ImageBench.Scoring.Text.TextScorer.CreateDefault();
                var result = new ScoreResult("text", scorer.Version, new Dictionary<string, double> { ["accuracy"] = passed ? 1 : 0.9 },
                    new JsonObject { ["summary"] = passed ? "every string read as written" : "EVERY → EYERY" }, passed);
                await store.SaveScoreAsync(ScoreKey.For(facts.Sha256, scorer, suite.Prompts.First(p => p.Id == prompt).Expect), result, CancellationToken.None);
                scorer.Dispose();
            }
        });
        return this;
    }

    public RunBuilder Failure(string model, string prompt, AttemptOutcome outcome, string reason, int repeat = 0)
    {
        var order = _attempts++;
        _writes.Add((store, _, _) => store.SaveAttemptAsync(Base(model, prompt, repeat, order) with { Outcome = outcome, Reason = reason, LatencyMs = 3_000 }, CancellationToken.None));
        return this;
    }

    /// <summary>A call sent and never answered: what a crash leaves.</summary>
    public RunBuilder Sent(string model, string prompt, int repeat = 0)
    {
        _writes.Add((store, _, _) => store.MarkSentAsync(new SlotKey(model, prompt, repeat), CancellationToken.None));
        return this;
    }

    public async Task<string> WriteAsync()
    {
        var suite = SuiteLoader.Load(suitePath);
        await using (var store = await SqliteRunStore.OpenAsync(directory, CancellationToken.None))
        {
            await store.SaveOrLoadManifestAsync(new RunManifest
            {
                RunId = "run-" + Path.GetFileName(directory).GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
                CreatedAt = CreatedAt,
                ToolVersion = "0.1.0",
                SuiteName = suite.Name,
                SuitePath = suite.Path,
                SuiteSha256 = suite.Sha256,
                Models = _models.Select(m => m.Id).ToList(),
                Repeat = Repeat,
                Catalog = [.. _models.Select(m => (JsonNode)CatalogJson.ToJson(Entry(m.Id, m.Name)))],
                Parameters = new JsonObject { ["attempt_timeout_s"] = 300.0 },
            }, CancellationToken.None);
            var images = new ImageFileStore(directory);
            foreach (var write in _writes) await write(store, images, suite);
        }
        return directory;
    }

    private Attempt Base(string model, string prompt, int repeat, int order) => new()
    {
        RunId = "run",
        Model = model,
        PromptId = prompt,
        Repeat = repeat,
        Outcome = AttemptOutcome.Ok,
        StartedAt = _start.AddSeconds(order),
        Request = new JsonObject { ["model"] = model },
    };

    private static ModelEntry Entry(string id, string name) => new()
    {
        Id = id,
        DisplayName = name,
        Provider = "openai",
        Upstream = id,
        BaseUrl = new Uri("https://api.example.test/"),
        Price = new PriceTable { PerImageUsd = new Dictionary<string, decimal> { ["1K"] = 0.03m }, Source = "test price", ReadOn = new DateOnly(2026, 5, 1) },
    };

    /// <summary>A colour field with a one-pixel checkerboard band: blurred when scaled, crisp only at 100 %.</summary>
    public static byte[] Picture(int width, int height, int seed)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            var hue = seed * 47 % 360;
            using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColor.FromHsv(hue, 60, 90), SKColor.FromHsv((hue + 80) % 360, 70, 60)], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height, paint);
            using var frame = new SKPaint { Color = SKColors.White, Style = SKPaintStyle.Stroke, StrokeWidth = 12 };
            canvas.DrawRect(24, 24, width - 48, height - 48, frame);
        }
        for (var y = height / 2 - 32; y < height / 2 + 32; y++)
            for (var x = width / 4; x < width * 3 / 4; x++)
                bitmap.SetPixel(x, y, (x + y) % 2 == 0 ? SKColors.Black : SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
