using System.Text.Json.Nodes;
using ImageBench.Catalog;
using ImageBench.Emulator;
using ImageBench.Attempts;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary>The article gateway's other models, end to end through the command line and the emulator.</summary>
public sealed class GatewayModelsCliTests : IDisposable
{
    private static readonly string[] NewModels = ["gemini-3.1-flash-image-preview", "qwen-image-2.0", "qwen-image-2.0-pro", "gpt-image-2-pro"];
    private readonly TempDir _dir = new();

    private string OnePromptSuite()
    {
        var path = Path.Combine(_dir.Path, "one.yaml");
        File.WriteAllText(path, "name: one\nprompts:\n  - id: poster\n    text: 'Minimalist poster, bold serif \"MORNING BREW\"'\n");
        return path;
    }

    [Fact]
    public async Task Each_new_model_runs_against_the_emulator_with_its_profile_and_its_price()
    {
        var outDir = Path.Combine(_dir.Path, "run");
        var (exit, output, err) = await CliProcess.RunAsync(["run", "--suite", OnePromptSuite(), .. NewModels.SelectMany(m => new[] { "--model", m }), "--emulator", "--time-scale", "0", "--no-score", "--out", outDir]);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{err}");
        var attempts = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "results.json")))!["attempts"]!.AsArray();
        var catalog = ModelCatalog.Load();
        Assert.Equal(NewModels.Order(), attempts.Select(a => (string)a!["model"]!).Order());
        foreach (var a in attempts)
        {
            var model = catalog.Get((string)a!["model"]!);
            Assert.True((string?)a["outcome"] == "ok", a.ToJsonString());
            Assert.Equal(ArticleProfiles.All[model.Upstream].ImageFormat, (string?)a["image"]!["format"]);
            Assert.Equal((model.DefaultWidth, model.DefaultHeight), ((int)a["image"]!["width"]!, (int)a["image"]!["height"]!));
            var (cost, source) = ((decimal?)a["cost_usd"], (string?)a["cost_source"]);
            if (model.Price.IsUnpriced)
                Assert.Equal<(decimal?, string?)>((null, CostSources.None), (cost, source));
            else if (model.Price.PerMillionTokensUsd is not null)
                Assert.Equal(CostSources.ApiTokensTimesCatalog, source);
            else
                Assert.Equal<(decimal?, string?)>((model.Price.PerImageFor(model.DefaultWidth, model.DefaultHeight), CostSources.CatalogPerImage), (cost, source));
        }
    }

    [Fact]
    public async Task A_budget_refuses_the_unpriced_gpt_image_2_pro_with_one_clear_line()
    {
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", OnePromptSuite(), "--model", "gpt-image-2-pro", "--budget", "1", "--emulator", "--time-scale", "0", "--no-score", "--out", Path.Combine(_dir.Path, "run")]);

        Assert.Equal(2, exit);
        Assert.Contains("--budget needs a per-image price", err, StringComparison.Ordinal);
        Assert.Contains("'gpt-image-2-pro'", err, StringComparison.Ordinal);
        Assert.Contains("models file", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        // Refused before anything was created, so the same --out can be used once a price is given.
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "run")));
    }

    [Fact]
    public async Task A_real_run_refuses_the_placeholder_gateway_before_any_call()
    {
        var outDir = Path.Combine(_dir.Path, "run");
        var (exit, _, err) = await CliProcess.RunAsync(["run", "--suite", OnePromptSuite(), "--model", "gpt-image-2-pro", "--out", outDir],
            new Dictionary<string, string?> { ["IMAGE_GATEWAY_API_KEY"] = "gw-test-key" });

        Assert.Equal(2, exit);
        Assert.Contains("model 'gpt-image-2-pro' is sold through gateways", err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    public void Dispose() => _dir.Dispose();
}
