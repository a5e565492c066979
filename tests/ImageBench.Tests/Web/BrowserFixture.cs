using Microsoft.Playwright;

namespace ImageBench.Tests.Web;

/// <summary>
/// Debian's chromium driven by Playwright (the driver ships in the NuGet package; no browser is downloaded), one
/// browser for a test class, a fresh page per test that records console errors and failed requests.
/// </summary>
public sealed class BrowserFixture : ServedWorkspaceFixture
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_playwright, Browser) = await LaunchAsync();
    }

    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public Task<BrowserPage> OpenAsync(string path, int width = 1400, int height = 900) => BrowserPage.OpenAsync(Browser, Url(path), width, height);

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>A page with what went wrong on it: console errors (CSP violations among them), page errors, failed requests.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private BrowserPage(IPage page) => Page = page;

    private const int MaxParts = 8;

    public IPage Page { get; }
    public List<string> Errors { get; } = [];

    public static async Task<BrowserPage> OpenAsync(IBrowser browser, Uri url, int width, int height)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var opened = new BrowserPage(page);
        page.Console += (_, m) => { if (m.Type == "error") lock (opened.Errors) opened.Errors.Add("console: " + m.Text); };
        page.PageError += (_, e) => { lock (opened.Errors) opened.Errors.Add("page error: " + e); };
        page.RequestFailed += (_, r) =>
        {
            // live.js closes its event stream once the run ends; closing an EventSource aborts its request by design.
            if (r.ResourceType == "eventsource" && r.Failure == "net::ERR_ABORTED") return;
            lock (opened.Errors) opened.Errors.Add($"request failed: {r.Url} ({r.Failure})");
        };
        page.Response += (_, r) => { if (r.Status >= 400) lock (opened.Errors) opened.Errors.Add($"HTTP {r.Status}: {r.Url}"); };
        await page.GotoAsync(url.AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        return opened;
    }

    /// <summary>Makes every lazy image load and returns each one's natural width (-1 for one that failed).</summary>
    public Task<int[]> LoadAllImagesAsync() =>
        Page.EvaluateAsync<int[]>("() => Promise.all([...document.images].filter(i => i.src).map(i => { i.loading = 'eager'; return i.decode().then(() => i.naturalWidth, () => -1); }))");

    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        if (!fullPage) return path;
        // The whole page is too tall to look at in one picture: window-sized parts beside it, to read at full size.
        var size = Page.ViewportSize!;
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (int part = 0, y = 0; y < height && part < MaxParts; part++, y += size.Height)
            await Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.part{part + 1}.png"), FullPage = true, Clip = new() { X = 0, Y = y, Width = size.Width, Height = Math.Min(size.Height, height - y) } });
        return path;
    }

    public void AssertNoErrors()
    {
        lock (Errors) Assert.True(Errors.Count == 0, string.Join("\n", Errors));
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
