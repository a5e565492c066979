using ImageBench.Tests.Support;
using ImageBench.Web;
using Microsoft.Playwright;

namespace ImageBench.Tests.Web;

/// <summary>
/// Live progress of a run started by the command line in another process (against the emulator, time scale
/// ×0.1 so GPT Image 2 takes about six seconds): the page opened mid-run shows attempts landing as the store
/// records them.
/// </summary>
public sealed class LiveProgressBrowserTests : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private WebServer _server = default!;

    public async Task InitializeAsync() =>
        _server = await ServedWorkspaceFixture.StartAsync(ServeOptions.Resolve(_dir.Path, "127.0.0.1", 0, null));

    [Fact]
    public async Task Attempts_appear_while_a_command_line_run_is_in_flight()
    {
        // The browser first: launching it takes longer than a poster takes at this time scale.
        var (playwright, browserApp) = await BrowserFixture.LaunchAsync();
        using var _ = playwright;
        await using var __ = browserApp;
        // Two of the article's prompts: fewer images for the emulator to draw before the run starts.
        var suite = Path.Combine(_dir.Path, "two.yaml");
        await File.WriteAllTextAsync(suite, """
            name: two-prompts
            prompts:
              - id: coffee-poster
                text: Minimalist coffee shop poster — large bold serif "MORNING BREW", subtitle "OPEN FROM 7 AM EVERY DAY".
              - id: hands-needle
                text: Two adult hands threading a single silver needle with red thread.
            """);
        // The Runs page of the empty workspace, open before the run exists: the run appears on it and turns finished.
        await using var runs = await BrowserPage.OpenAsync(browserApp, _server.Address, 1400, 900);
        // ×0.4 keeps GPT Image 2's calls in flight for ~20 s: the ledger says "finished" the moment the run ends,
        // so a faster run could be over before the run page opens.
        using var cli = CliProcess.Start(["run", "--suite", suite, "--model", "gpt-image-2", "--model", "flux-1.1-pro",
            "--emulator", "--time-scale", "0.4", "--no-score", "--out", Path.Combine(_dir.Path, "live")]);
        await runs.Page.Locator("#runs tbody tr[data-status=running]").WaitForAsync(new() { Timeout = 90_000 });

        await using var browser = await BrowserPage.OpenAsync(browserApp, new Uri(_server.Address, "/runs/live"), 1400, 900);
        var page = browser.Page;
        Assert.Equal(1, await page.Locator("[data-events]").CountAsync());
        var landed = () => page.Locator("figure.shot:not(.pending)").CountAsync();
        var atLoad = await landed();
        Assert.True(atLoad < 4, $"the run had finished before the page opened ({atLoad} attempts): nothing left to watch");

        await page.WaitForFunctionAsync($"() => document.querySelectorAll('figure.shot:not(.pending)').length > {atLoad}", null, new() { Timeout = 90_000 });
        await browser.ScreenshotAsync("live-progress", fullPage: false);
        await page.Locator("#prompts").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("live-progress-gallery", fullPage: false);
        await page.Locator("[data-live=ended]").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 90_000 });
        Assert.Equal(0, await cli.WaitAsync());

        Assert.Equal("finished", await page.InnerTextAsync("[data-live=end-status]"));
        Assert.Equal(4, await landed());
        Assert.Equal(0, await page.Locator("figure.shot.pending").CountAsync());
        Assert.All(await browser.LoadAllImagesAsync(), w => Assert.True(w > 0));
        // Per-model counts and the feed followed the store.
        Assert.Equal(["2", "2"], await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.live [data-count=done]')].map(c => c.textContent)"));
        Assert.Equal(4, await page.Locator(".live .feed li").CountAsync());
        Assert.StartsWith("Finished: 4 of 4 attempts done", await page.InnerTextAsync("[data-live=summary]"), StringComparison.Ordinal);
        // Every landed figure is the report's own markup: image link, alt text, caption with latency and cost.
        Assert.All(await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure.shot img')].map(i => i.alt)"),
            alt => Assert.Matches("^(GPT Image 2|FLUX 1.1 Pro) image for prompt [a-z-]+: not scored$", alt));
        browser.AssertNoErrors();
        await browser.ScreenshotAsync("live-finished");

        await runs.Page.Locator("#runs tbody tr[data-status=finished]").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(["live", "4", "0", "0", "4 of 4"], await runs.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#runs tbody tr')[0].cells].filter((_, i) => i === 0 || (i >= 4 && i <= 7)).map(c => c.innerText.trim())"));
        runs.AssertNoErrors();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }
}
