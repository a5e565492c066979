using ImageBench.Reporting;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;

namespace ImageBench.Tests.Web;

/// <summary>
/// A suite whose name, prompt, tags and expected strings are markup (and a store whose prompt id, model names,
/// provider reason and run directory name are too) renders as text on every page and in report.html: nothing runs,
/// no element is injected. The served pages' CSP would block a script anyway; these checks look at the DOM, so they
/// fail on an encoding mistake even where the CSP would have saved the day. report.html has no CSP at all.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HostileTextBrowserTests(BrowserFixture web)
{
    private const string Inspect = """
        () => ({
          xss: window.__xss ?? null,
          injectedImages: document.querySelectorAll('img[src="x"], img[onerror]').length,
          svgs: document.querySelectorAll('svg').length,
          handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
          inlineScripts: [...document.scripts].filter(s => !s.src).length,
          foreignScripts: [...document.scripts].filter(s => s.src && !new URL(s.src).pathname.startsWith('/assets/')).length,
          scriptLinks: [...document.querySelectorAll('[href], [src]')].filter(e => (e.getAttribute('href') ?? e.getAttribute('src')).trim().toLowerCase().startsWith('javascript:')).length,
          text: document.body.innerText,
        })
        """;

    private sealed record Findings
    {
        public int? Xss { get; init; }
        public int InjectedImages { get; init; }
        public int Svgs { get; init; }
        public int Handlers { get; init; }
        public int InlineScripts { get; init; }
        public int ForeignScripts { get; init; }
        public int ScriptLinks { get; init; }
        public string Text { get; init; } = "";
    }

    [Fact]
    public async Task Runs_page_renders_hostile_names_as_text()
    {
        await using var browser = await web.OpenAsync("/");
        var found = await AssertInertAsync(browser);
        Assert.Contains(WebRuns.Hostile, found.Text, StringComparison.Ordinal);
        Assert.Contains(Suites.ImgOnError, found.Text, StringComparison.Ordinal);
        // The link to the run escapes its name; following it finds the run. Its address is read and opened rather
        // than clicked: the table follows the workspace over server-sent events, and a row swapped in while a
        // click lands can swallow it on a loaded machine.
        var href = await browser.Page.GetAttributeAsync("#runs tbody tr:nth-child(4) th a", "href");
        await browser.Page.GotoAsync(new Uri(new Uri(browser.Page.Url), href).AbsoluteUri);
        Assert.Contains("/runs/", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal(Suites.ImgOnError, (await browser.Page.InnerTextAsync("h1")).Split(": ", 2)[1]);
    }

    [Fact]
    public async Task Run_page_and_its_lightbox_render_hostile_text_as_text()
    {
        await using var browser = await web.OpenAsync(ServedWorkspaceFixture.RunPath(WebRuns.Hostile));
        var found = await AssertInertAsync(browser);
        foreach (var payload in new[] { Suites.Script, Suites.ImgOnError, Suites.JavascriptUrl, Suites.SvgOnLoad, WebRuns.HostilePromptId })
            Assert.Contains(payload, found.Text, StringComparison.Ordinal);

        await browser.Page.ClickAsync("figure.shot a.open >> nth=0");
        Assert.Contains(Suites.ImgOnError, await browser.Page.InnerTextAsync("#lightbox-title"), StringComparison.Ordinal);
        await AssertInertAsync(browser);
        await browser.Page.SelectOptionAsync("#gallery-filters select[name=tag]", Suites.ImgOnError);
        await AssertInertAsync(browser);
        await browser.ScreenshotAsync("hostile-run");
    }

    [Fact]
    public async Task Report_html_renders_hostile_text_as_text()
    {
        var run = Path.Combine(web.Workspace, WebRuns.Hostile);
        var copy = Path.Combine(web.SuitesFolder, "hostile-report");
        CopyDirectory(run, copy); // a report of its own: the served run stays as the other tests expect it
        await using (var store = await SqliteRunStore.OpenAsync(copy, CancellationToken.None))
            await ReportFiles.WriteAllAsync(copy, store, SuiteLoader.Load(Path.Combine(web.SuitesFolder, "hostile.yaml")), CancellationToken.None, "html");

        await using var browser = await BrowserPage.OpenAsync(web.Browser, new Uri(Path.Combine(copy, ReportFiles.Html)), 1400, 900);
        var found = await AssertInertAsync(browser);
        foreach (var payload in new[] { Suites.Script, Suites.ImgOnError, Suites.JavascriptUrl, Suites.SvgOnLoad, WebRuns.HostilePromptId })
            Assert.Contains(payload, found.Text, StringComparison.Ordinal);
        Assert.All(await browser.LoadAllImagesAsync(), w => Assert.Equal(512, w));
        await browser.ScreenshotAsync("hostile-report-html");
    }

    private static async Task<Findings> AssertInertAsync(BrowserPage browser)
    {
        var found = await browser.Page.EvaluateAsync<Findings>(Inspect);
        Assert.Equal(new Findings { Text = found.Text }, found);
        browser.AssertNoErrors();
        return found;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
