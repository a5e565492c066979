using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Storage;
using ImageBench.Suites;

namespace ImageBench.Tests.Reporting;

/// <summary>
/// A fixed run shaped like the article's: two models, six prompts, one attempt each. Numbers are chosen to be
/// checked by hand: GPT OK latencies 40/50/60/70/80 s (mean 60 s, one 2 s retry in the 80 s one) plus one refusal;
/// FLUX OK latencies 5/6/6/7/8 s (mean 6.4 s) plus one timeout.
/// </summary>
internal static class SyntheticRun
{
    public const string Gpt = "gpt-image-2";
    public const string Flux = "flux-1.1-pro";
    public static readonly DateTimeOffset Start = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly string[] PromptIds = ["dewdrop", "poster", "flatlay", "blacksmith", "hands", "cottage"];

    public static Suite Suite => new()
    {
        Name = "article-six",
        Path = "suites/article-six.yaml",
        Sha256 = "ab12cd34",
        Prompts =
        [
            P("dewdrop", "Extreme macro of a single dewdrop hanging from a green fern frond at dawn."),
            P("poster", "Minimalist coffee shop poster — large bold serif \"MORNING BREW\", subtitle \"OPEN FROM 7 AM EVERY DAY\".",
                new Expectations
                {
                    Text = [new("MORNING BREW", "top"), new("OPEN FROM 7 AM EVERY DAY", "below title")],
                    Objects = [new("watercolor coffee cup", 1, "lower right")],
                    Style = "editorial layout",
                }),
            P("flatlay", "Overhead flat-lay on dark walnut wood — three croissants, one brown egg.",
                new Expectations { Objects = [new("croissant", 3), new("brown egg", 1)], Lighting = "soft window light from upper-right" }),
            P("blacksmith", "Studio portrait of a 60-year-old female blacksmith holding a hammer."),
            P("hands", "Two adult hands threading a single silver needle with red thread.",
                new Expectations { Action = "threading a needle", Checks = ["Are there exactly ten fingers?"] }),
            P("cottage", "Isometric pixel-art cottage <script>alert('x')</script> & a bench | beside the door."),
        ],
    };

    public static RunManifest Manifest(double? timeScale = null) => new()
    {
        RunId = "run-2026-05-01-a",
        CreatedAt = Start,
        ToolVersion = "0.1.0",
        SuiteName = "article-six",
        SuitePath = "suites/article-six.yaml",
        SuiteSha256 = "ab12cd34",
        Models = [Gpt, Flux],
        Repeat = 1,
        Catalog = [],
        EmulatorTimeScale = timeScale,
    };

    public static IReadOnlyDictionary<string, ModelEntry> Catalog => new Dictionary<string, ModelEntry>
    {
        [Gpt] = Entry(Gpt, "GPT Image 2", "openai", 0.03m),
        [Flux] = Entry(Flux, "FLUX 1.1 Pro", "bfl", 0.05m),
    };

    public static IReadOnlyList<Attempt> Attempts()
    {
        double[] gpt = [40_000, 50_000, 60_000, 0, 70_000, 80_000]; // blacksmith (index 3) is refused
        double[] flux = [5_000, 6_000, 6_000, 7_000, 0, 8_000];     // hands (index 4) times out
        var list = new List<Attempt>();
        for (int i = 0; i < PromptIds.Length; i++)
        {
            list.Add(i == 3 ? Refused(PromptIds[i]) : GptOk(PromptIds[i], gpt[i], retried: i == 5, revised: i == 0));
            list.Add(i == 4 ? Timeout(PromptIds[i]) : FluxOk(PromptIds[i], flux[i]));
        }
        return list;
    }

    private static Attempt GptOk(string prompt, double ms, bool retried, bool revised) => Base(Gpt, prompt) with
    {
        Outcome = AttemptOutcome.Ok,
        HttpStatus = 200,
        LatencyMs = ms,
        RetryOverheadMs = retried ? 2_000 : 0,
        Retries = retried ? [new RetryRecord(1, PhaseNames.Generating, 429, "rate limited", 500, 1_500, "retry-after-ms")] : [],
        Phases = [new(PhaseNames.Generating, 0, ms - 500), new(PhaseNames.Download, ms - 500, 500)],
        ServerMs = ms - 1_000,
        ServerMsSource = "openai-processing-ms",
        CostUsd = 0.03m,
        CostSource = CostSources.CatalogPerImage,
        CostPerImageUsd = 0.03m,
        ImagesReturned = 1,
        Image = new ImageFacts("png", 1024, 1024, 1_600_000, "sha-gpt-" + prompt),
        ImagePath = $"images/gpt-{prompt}.png",
        RevisedPrompt = revised ? "A macro photograph of a dewdrop on a fern." : null,
    };

    private static Attempt FluxOk(string prompt, double ms) => Base(Flux, prompt) with
    {
        Outcome = AttemptOutcome.Ok,
        HttpStatus = 200,
        LatencyMs = ms,
        Phases = [new(PhaseNames.Submit, 0, 200), new(PhaseNames.Queued, 200, 300), new(PhaseNames.Generating, 500, ms - 1_000), new(PhaseNames.Download, ms - 500, 500)],
        ServerMs = ms - 1_500,
        ServerMsSource = "result.duration",
        CostUsd = 0.05m,
        CostSource = CostSources.CatalogPerImage,
        CostPerImageUsd = 0.05m,
        ImagesReturned = 1,
        Image = new ImageFacts("webp", 1024, 1024, 200_000, "sha-flux-" + prompt),
        ImagePath = $"images/flux-{prompt}.webp",
    };

    private static Attempt Refused(string prompt) => Base(Gpt, prompt) with
    {
        Outcome = AttemptOutcome.Refused,
        HttpStatus = 400,
        LatencyMs = 3_000,
        Reason = "Your request was rejected by the safety system <moderation_blocked>.",
    };

    private static Attempt Timeout(string prompt) => Base(Flux, prompt) with
    {
        Outcome = AttemptOutcome.Timeout,
        LatencyMs = 30_000,
        Reason = "no image after 30 s",
    };

    private static Attempt Base(string model, string prompt) => new()
    {
        RunId = "run-2026-05-01-a",
        Model = model,
        PromptId = prompt,
        Repeat = 0,
        Outcome = AttemptOutcome.Ok,
        StartedAt = Start,
        Request = new JsonObject { ["model"] = model },
    };

    private static PromptSpec P(string id, string text, Expectations? expect = null) =>
        new() { Id = id, Text = text, Expect = expect ?? new Expectations() };

    private static ModelEntry Entry(string id, string name, string provider, decimal price1K) => new()
    {
        Id = id,
        DisplayName = name,
        Provider = provider,
        Upstream = id,
        BaseUrl = new Uri("https://api.example.test/"),
        Price = new PriceTable
        {
            PerImageUsd = new Dictionary<string, decimal> { ["1K"] = price1K },
            Source = "hiapi via article",
            ReadOn = new DateOnly(2026, 5, 1),
        },
    };
}
