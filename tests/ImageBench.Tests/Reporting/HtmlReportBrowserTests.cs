using ImageBench.Tests.Support;
using Microsoft.Playwright;

namespace ImageBench.Tests.Reporting;

/// <summary>
/// The HTML report is what a person looks at, so it is checked in a real browser (Debian chromium driven by
/// Playwright): every image loads, the tables are there, nothing reaches for the network.
/// </summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task Report_renders_with_every_image_loaded_and_no_external_request()
    {
        var outDir = Path.Combine(_dir.Path, "run");
        var run = await CliProcess.RunAsync(["run", "--suite", "suites/seed-six.yaml", "--model", "gpt-image-2", "--model", "flux-1.1-pro", "--emulator", "--time-scale", "0", "--out", outDir, "--judge", "emulated"]);
        Assert.True(run.Exit == 0, run.Out + run.Err);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var external = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith("file://", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) external.Add(r.Url); };

        await page.GotoAsync(new Uri(Path.Combine(outDir, "report.html")).AbsoluteUri);
        await page.WaitForLoadStateAsync(LoadState.Load);

        // Images are lazy-loaded (a long run has hundreds); make each one load and wait for it to decode.
        var images = await page.EvaluateAsync<int[]>("() => Promise.all([...document.images].map(i => { i.loading = 'eager'; return i.decode().then(() => i.naturalWidth, () => -1); }))");
        Assert.Equal(12, images.Length);
        Assert.All(images, w => Assert.Equal(1024, w));
        Assert.True(await page.Locator("table").CountAsync() >= 2);
        var text = await page.InnerTextAsync("body");
        Assert.Contains("GPT Image 2", text, StringComparison.Ordinal);
        Assert.Contains("OPEN FROM 7 AM EVERY DAY", text, StringComparison.Ordinal);
        // What a reader decides from: the capability winners, the per-prompt read, the labelled judge's counts.
        Assert.Equal(1, await page.Locator("h2", new() { HasText = "Capabilities" }).CountAsync());
        Assert.Contains("Best on this prompt: GPT Image 2", text, StringComparison.Ordinal);
        Assert.Contains("EVERY → EYERY", text, StringComparison.Ordinal);
        Assert.Matches(@"judge \(emulated \(imagebench-emulated-judge\), 3 samples\)", text);
        Assert.Matches(@"saw brown egg ×[34] \(asked 1\) ✗", text);
        Assert.Empty(external);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "imagebench-report-screenshot.png"), FullPage = false });
    }

    public void Dispose() => _dir.Dispose();
}
