using Microsoft.Playwright;

namespace ImageBench.Tests.Web;

/// <summary>The run page in a real browser: the report, the gallery at true aspect ratio, its filters and lightbox.</summary>
[Collection(WebCollection.Name)]
public sealed class RunPageBrowserTests(BrowserFixture web)
{
    [Fact]
    public async Task Run_page_shows_the_report_and_every_image_at_its_own_aspect_ratio()
    {
        await using var browser = await web.OpenAsync(ServedWorkspaceFixture.RunPath(WebRuns.Article));
        var page = browser.Page;
        var widths = await browser.LoadAllImagesAsync();
        Assert.Equal(8, widths.Length); // one per image; the refusal has none
        Assert.All(widths, w => Assert.True(w > 0, "an image did not load"));

        foreach (var title in new[] { "Dimensions", "Capabilities", "Latency", "Cost", "Outcomes", "Prompts" })
            Assert.Equal(1, await page.Locator("h2", new() { HasTextString = title }).CountAsync());
        var text = await page.InnerTextAsync("main");
        Assert.Contains("EVERY → EYERY", text, StringComparison.Ordinal);
        Assert.Contains("Best on this prompt", text, StringComparison.Ordinal);

        // Thumbnails, not the stored files, and laid out at the stored image's own ratio.
        var shapes = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('figure.shot img')].map(i => {
              const r = i.getBoundingClientRect();
              return [r.width / r.height, +i.getAttribute('width') / +i.getAttribute('height'), i.naturalHeight, i.src.includes('/thumbnails/') ? 1 : 0];
            })
            """);
        Assert.Contains(shapes, s => Math.Abs(s[1] - 1.5) < 0.01);
        Assert.Contains(shapes, s => Math.Abs(s[1] - 1024 / 1536.0) < 0.01);
        Assert.All(shapes, s =>
        {
            Assert.Equal(s[1], s[0], 2);
            Assert.Equal(global::ImageBench.Web.Images.Thumbnailer.Height, s[2]);
            Assert.Equal(1, s[3]);
        });

        // Every image says what it is: model, prompt, verdict.
        var alts = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure.shot img')].map(i => i.alt)");
        Assert.Contains("FLUX 1.1 Pro image for prompt coffee-poster: failed 1 of 1 check", alts);
        Assert.Contains("GPT Image 2 image for prompt valley: not scored", alts);
        Assert.All(alts, a => Assert.Matches("^.+ image for prompt [a-z-]+: (passed|failed|not scored)", a));

        // Nothing wider than the window.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        browser.AssertNoErrors();
        await browser.ScreenshotAsync("run-page");
    }

    [Fact]
    public async Task Gallery_filters_by_tag_model_and_failed_checks()
    {
        await using var browser = await web.OpenAsync(ServedWorkspaceFixture.RunPath(WebRuns.Article));
        var page = browser.Page;
        var visible = () => page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure.shot')].filter(f => f.checkVisibility()).map(f => f.dataset.slot)");
        Assert.Equal(9, (await visible()).Length);

        await page.SelectOptionAsync("#gallery-filters select[name=tag]", "poster");
        Assert.Equal(["gpt-image-2/coffee-poster/0", "flux-1.1-pro/coffee-poster/0", "nano-banana/coffee-poster/0"], await visible());
        Assert.Equal("3 of 9 attempts shown", await page.InnerTextAsync("#gallery-filters output"));

        await page.SelectOptionAsync("#gallery-filters select[name=tag]", "");
        await page.CheckAsync("#gallery-filters input[name=failed]");
        Assert.Equal(["flux-1.1-pro/coffee-poster/0", "nano-banana/coffee-poster/0", "nano-banana/bakery-flatlay/0"], await visible());

        await page.UncheckAsync("#gallery-filters input[value=nano-banana]");
        Assert.Equal(["flux-1.1-pro/coffee-poster/0"], await visible());
        Assert.False(await page.Locator("section#prompt-valley").IsVisibleAsync());
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task Lightbox_moves_between_models_and_prompts_by_keyboard_and_zooms_to_full_pixels()
    {
        await using var browser = await web.OpenAsync(ServedWorkspaceFixture.RunPath(WebRuns.Article), 1000, 700);
        var page = browser.Page;
        var dialog = page.Locator("#lightbox");
        var title = page.Locator("#lightbox-title");

        await page.Keyboard.PressAsync("Tab"); // skip link
        var first = page.Locator("figure.shot a.open").First;
        await first.FocusAsync();
        Assert.NotEqual("none", await first.EvaluateAsync<string>("a => getComputedStyle(a).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await dialog.IsVisibleAsync());
        Assert.Equal("GPT Image 2 · coffee-poster", await title.InnerTextAsync());

        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("FLUX 1.1 Pro · coffee-poster", await title.InnerTextAsync());
        await page.Keyboard.PressAsync("ArrowRight"); // Nano Banana was refused: nothing to open, stay
        Assert.Equal("FLUX 1.1 Pro · coffee-poster", await title.InnerTextAsync());
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("FLUX 1.1 Pro · bakery-flatlay", await title.InnerTextAsync());
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal("GPT Image 2 · bakery-flatlay", await title.InnerTextAsync());
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal("GPT Image 2 · coffee-poster", await title.InnerTextAsync());
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Contains("/images/", await page.GetAttributeAsync("#lightbox-image", "src"), StringComparison.Ordinal);

        // Z: one image pixel per CSS pixel, the 1536-pixel-wide image overflowing the stage, which pans.
        var image = page.Locator("#lightbox-image");
        await image.EvaluateAsync("i => i.decode()");
        await page.Keyboard.PressAsync("z");
        Assert.Equal("actual", await page.GetAttributeAsync(".stage", "data-zoom"));
        Assert.Equal(1536, await image.EvaluateAsync<double>("i => i.getBoundingClientRect().width"));
        var stage = page.Locator(".stage");
        var before = await stage.EvaluateAsync<double>("s => s.scrollLeft");
        var box = (await stage.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 150, box.Y + box.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        Assert.Equal(before - 150, await stage.EvaluateAsync<double>("s => s.scrollLeft"), 0);
        var width = await stage.EvaluateAsync<double>("s => s.clientWidth");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        Assert.InRange(await stage.EvaluateAsync<double>("s => s.scrollLeft") - (before - 150), width / 4 - 1, width / 4 + 1);
        Assert.Equal("GPT Image 2 · bakery-flatlay", await title.InnerTextAsync()); // panned, not moved to another model
        // The caption keeps its own height beside a 1024-pixel-high image: nothing of it is squeezed away.
        Assert.True(await page.EvaluateAsync<bool>("() => { const c = document.getElementById('lightbox-caption'); return c.scrollHeight <= c.clientHeight + 1; }"));
        await browser.ScreenshotAsync("lightbox-zoomed", fullPage: false);
        await page.Keyboard.PressAsync("z");
        Assert.Equal("fit", await page.GetAttributeAsync(".stage", "data-zoom"));

        await page.Keyboard.PressAsync("Escape");
        Assert.False(await dialog.IsVisibleAsync());
        Assert.Equal("gpt-image-2/bakery-flatlay/0", await page.EvaluateAsync<string>("() => document.activeElement.closest('figure').dataset.slot"));
        browser.AssertNoErrors();
    }

    [Fact]
    public async Task Twenty_models_wrap_and_tables_turn_so_the_page_is_no_wider_than_the_window()
    {
        await using var browser = await web.OpenAsync(ServedWorkspaceFixture.RunPath(WebRuns.ManyModels));
        var page = browser.Page;
        await browser.LoadAllImagesAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"page is {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in a 1400 px window");
        Assert.Equal("Model", await page.InnerTextAsync("#table-latency thead th >> nth=0"));
        Assert.Equal(20, await page.Locator("#table-latency tbody tr").CountAsync());
        Assert.Equal("20 models: web-article", await page.InnerTextAsync("h1"));
        browser.AssertNoErrors();
        await browser.ScreenshotAsync("many-models");
        await page.Locator("#prompt-coffee-poster").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("many-models-gallery", fullPage: false);
    }

    [Fact]
    public async Task Interrupted_run_says_so_and_shows_the_call_lost_in_flight()
    {
        await using var browser = await web.OpenAsync(ServedWorkspaceFixture.RunPath(WebRuns.Interrupted));
        var page = browser.Page;
        Assert.Equal("interrupted", await page.InnerTextAsync(".state .status"));
        Assert.Contains("--resume", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("lost in flight (possibly paid)", await page.InnerTextAsync("figure[data-slot='flux-1.1-pro/coffee-poster/0'] .placeholder"));
        Assert.Equal(0, await page.Locator("[data-events]").CountAsync());
        browser.AssertNoErrors();
        await browser.ScreenshotAsync("interrupted-run");
    }
}
