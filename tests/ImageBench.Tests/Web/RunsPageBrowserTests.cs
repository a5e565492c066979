namespace ImageBench.Tests.Web;

/// <summary>The Runs page in a real browser: every run directory with its status, sortable and filterable.</summary>
[Collection(WebCollection.Name)]
public sealed class RunsPageBrowserTests(BrowserFixture web)
{
    [Fact]
    public async Task Lists_every_run_directory_with_its_status_newest_first()
    {
        await using var browser = await web.OpenAsync("/");
        var page = browser.Page;
        var rows = await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('#runs tbody tr')].map(r => [r.cells[0].innerText, r.dataset.status])");
        Assert.Equal(
            [[WebRuns.Article, "finished"], [WebRuns.ManyModels, "finished"], [WebRuns.Interrupted, "interrupted"], [WebRuns.Hostile, "finished"], [WebRuns.Broken, "unreadable"]],
            rows);
        var article = page.Locator("#runs tbody tr").First;
        Assert.Equal(["article", "web-article", "GPT Image 2, FLUX 1.1 Pro, Nano Banana", "2026-05-03 09:00 UTC", "8", "1", "0", "9 of 9", "$0.24", "finished"],
            await article.EvaluateAsync<string[]>("r => [...r.cells].map(c => c.innerText.trim())"));
        Assert.Contains("not a SQLite database", await page.InnerTextAsync("#runs tbody tr[data-status=unreadable]"), StringComparison.Ordinal);
        browser.AssertNoErrors();
        await browser.ScreenshotAsync("runs-page");

        await page.ClickAsync("a[href='/runs/article']");
        await page.WaitForURLAsync("**/runs/article");
        Assert.Equal("GPT Image 2 vs FLUX 1.1 Pro vs Nano Banana: web-article", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Sorts_by_a_column_and_filters_by_text_and_status()
    {
        await using var browser = await web.OpenAsync("/");
        var page = browser.Page;
        var names = () => page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#runs tbody tr')].filter(r => !r.hidden).map(r => r.cells[0].innerText)");

        await page.ClickAsync("#runs th button:text-is('OK')");
        Assert.Equal("ascending", await page.GetAttributeAsync("#runs th:nth-child(5)", "aria-sort"));
        Assert.Equal(WebRuns.ManyModels, (await names())[^1]); // 40 OK images, the most
        await page.ClickAsync("#runs th button:text-is('OK')");
        Assert.Equal(WebRuns.ManyModels, (await names())[0]);

        await page.FillAsync("#runs-filter", "nano");
        Assert.Equal([WebRuns.Article], await names());
        await page.FillAsync("#runs-filter", "");
        await page.SelectOptionAsync("#runs-status", "interrupted");
        Assert.Equal([WebRuns.Interrupted], await names());
        Assert.Equal("1 of 5 runs", await page.InnerTextAsync("#runs-shown"));
        browser.AssertNoErrors();
    }
}
