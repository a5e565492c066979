using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Providers.OpenAI;
using ImageBench.Running;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Running;

/// <summary>
/// "Never pay twice": a provider that sends two images for a one-image call charges for both. The real OpenAI
/// adapter reads the recorded two-image gpt-image-1 answer, the runner stores both images and splits the call's
/// cost, and the budget counts the call's money exactly once.
/// </summary>
public sealed class ExtraImagesRunTests : IDisposable
{
    private static readonly Suite Suite = SuiteLoader.Parse("prompts:\n  - id: stop\n    text: An isolated stop sign.\n", "s.yaml");
    private static readonly TokenPrices Tokens = new(InputText: 5m, InputImage: 10m, OutputImage: 40m, OutputText: null);
    private const decimal PerImage = 0.167m;

    // Two different real PNGs: the recording's b64 were sanitised to one 1x1 PNG, which could not tell them apart.
    private static readonly byte[] First = TestImages.Png(16, 16);
    private static readonly byte[] Second = TestImages.Png(24, 16);

    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    /// <summary>The recorded answer (openai-dotnet GptImage1Works.json, Sep 2025: data[] holds 2 entries), images substituted.</summary>
    private static JsonObject RecordedAnswer()
    {
        var record = JsonNode.Parse(Fixtures.Read("openai", "openai-dotnet-dalle3-65d5703f", "GptImage1Works.json"))!;
        var entry = record["Entries"]!.AsArray().First(e => ((string)e!["RequestUri"]!).EndsWith("/v1/images/generations", StringComparison.Ordinal))!;
        var body = entry["ResponseBody"]!.DeepClone().AsObject();
        Assert.Equal(2, body["data"]!.AsArray().Count);
        body["data"]![0]!["b64_json"] = Convert.ToBase64String(First);
        body["data"]![1]!["b64_json"] = Convert.ToBase64String(Second);
        return body;
    }

    private async Task<(RunResult Result, Attempt Attempt)> RunAsync(JsonObject answer)
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.OK, answer.ToJsonString(), new Uri("https://api.openai.com/v1/images/generations"));
        using var client = ProviderRegistry.CreateHttpClient(handler);
        var model = new ModelEntry
        {
            Id = "gpt-image-1", Provider = "openai", Upstream = "gpt-image-1", BaseUrl = new Uri("https://api.openai.com/"), KeyEnv = "K",
            Price = new PriceTable { PerMillionTokensUsd = Tokens, PerImageUsd = new Dictionary<string, decimal> { ["1K"] = PerImage }, Source = "test", ReadOn = new DateOnly(2026, 1, 1) },
        };
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var runner = new Runner(new ProviderRegistry([new OpenAIProvider(new ProviderHttp(client))]), new FixedCredentialSource("sk-test"), store,
            new ImageFileStore(_dir.Path), _clock, new RunnerOptions { BudgetUsd = 10m }, SilentProgress.Instance);
        var result = await runner.RunAsync(new RunPlan(Suite, [model], 1), "run-1", CancellationToken.None);
        return (result, Assert.Single(await store.LoadAttemptsAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Both_images_of_the_recorded_answer_are_stored_and_the_catalog_price_covers_each()
    {
        // The recorded usage has output_tokens without a breakdown, so the call is priced per image: two images, two prices.
        var (result, a) = await RunAsync(RecordedAnswer());

        Assert.Equal(AttemptOutcome.Ok, a.Outcome);
        Assert.Equal(2, a.ImagesReturned);
        var extra = Assert.Single(a.ExtraImages);
        Assert.Equal((24, 16), (extra.Image!.Width, extra.Image.Height));
        Assert.Null(extra.Problem);
        Assert.NotEqual(a.Image!.Sha256, extra.Image.Sha256);
        Assert.Equal($"images/{extra.Image.Sha256}.png", extra.ImagePath);
        Assert.Equal(Second, await File.ReadAllBytesAsync(Path.Combine(_dir.Path, extra.ImagePath!)));
        Assert.Equal(First, await File.ReadAllBytesAsync(Path.Combine(_dir.Path, a.ImagePath!)));

        Assert.Equal((2 * PerImage, CostSources.CatalogPerImage), (a.CostUsd, a.CostSource));
        Assert.Equal(PerImage, a.CostPerImageUsd);
        Assert.Equal(a.CostUsd, result.SpentUsd);
    }

    [Fact]
    public async Task Tokens_of_a_two_image_answer_are_the_calls_money_counted_once_and_split_per_image()
    {
        // The 2026 recordings of the same request carry output_tokens_details (12480 = 2 × 6240 image tokens).
        var answer = RecordedAnswer();
        answer["usage"] = JsonNode.Parse("""
            {"input_tokens":22,"input_tokens_details":{"image_tokens":0,"text_tokens":22},"output_tokens":12480,
             "output_tokens_details":{"image_tokens":12480,"text_tokens":0},"total_tokens":12502}
            """);

        var (result, a) = await RunAsync(answer);

        var call = (22 * Tokens.InputText!.Value + 12480 * Tokens.OutputImage!.Value) / 1_000_000m;
        Assert.Equal((call, CostSources.ApiTokensTimesCatalog), (a.CostUsd, a.CostSource));
        Assert.Equal(call / 2, a.CostPerImageUsd);
        Assert.Equal(2, a.ImagesReturned);
        Assert.Single(a.ExtraImages, x => x.ImagePath is not null);
        Assert.Equal(call, result.SpentUsd);
    }

    [Fact]
    public async Task An_unusable_extra_image_is_listed_with_its_problem_and_still_shares_the_cost()
    {
        var answer = RecordedAnswer();
        answer["data"]![1]!["b64_json"] = "not base64 at all!";

        var (_, a) = await RunAsync(answer);

        Assert.Equal(AttemptOutcome.Ok, a.Outcome);
        Assert.Equal(2, a.ImagesReturned);
        var extra = Assert.Single(a.ExtraImages);
        Assert.Null(extra.ImagePath);
        Assert.Contains("data[1].b64_json is not valid base64", extra.Problem, StringComparison.Ordinal);
        Assert.Equal(a.CostUsd / 2, a.CostPerImageUsd);
    }
}
