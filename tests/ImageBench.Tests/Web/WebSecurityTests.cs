using System.Net;
using System.Text.RegularExpressions;
using ImageBench.Web;
using ImageBench.Web.Security;
using Thumbnailer = ImageBench.Web.Images.Thumbnailer;

namespace ImageBench.Tests.Web;

/// <summary>What a served workspace refuses: paths out of it, requests without the token, foreign Host names,
/// methods other than GET; and the headers every response carries.</summary>
public sealed partial class WebSecurityTests(ServedWorkspaceFixture web) : IClassFixture<ServedWorkspaceFixture>
{
    private static readonly string[] Pages = ["/", ServedWorkspaceFixture.RunPath(WebRuns.Article), ServedWorkspaceFixture.RunPath(WebRuns.Hostile), ServedWorkspaceFixture.RunPath(WebRuns.ManyModels), ServedWorkspaceFixture.RunPath(WebRuns.Interrupted), "/no/such/page"];

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var image = await FirstImageAsync(WebRuns.Article);
        foreach (var path in Pages.Concat([image, image.Replace("/images/", "/thumbnails/", StringComparison.Ordinal), "/assets/gallery.js", "/runs/article/images/nothing.png"]))
        {
            using var response = await web.Http.GetAsync(path);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Fact]
    public async Task Pages_have_no_inline_script_style_or_event_handler()
    {
        foreach (var path in Pages)
        {
            var html = await (await web.Http.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotMatch(InlineScript(), html);
            // Attribute values are emptied first: an encoded prompt inside data-search="…" may read " onerror=" as text.
            var tags = QuotedValue().Replace(html, "=\"\"");
            Assert.DoesNotMatch(HandlerAttribute(), tags);
            Assert.DoesNotMatch(StyleAttributeOrElement(), tags);
        }
    }

    [Theory]
    [InlineData("/runs/article/images/..%2fimagebench.db")]
    [InlineData("/runs/article/images/%2e%2e%2fimagebench.db")]
    [InlineData("/runs/article/images/%2e%2e/imagebench.db")]
    [InlineData("/runs/article/images/../imagebench.db")]
    [InlineData("/runs/article/images/..%5cimagebench.db")]
    [InlineData("/runs/article/thumbnails/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/runs/article/images/%2fetc%2fpasswd")]
    [InlineData("/runs/article/images//etc/passwd")]
    [InlineData("/runs/%2e%2e/images/x.png")]
    [InlineData("/runs/..%2farticle/images/x.png")]
    [InlineData("/runs/%2ftmp/images/x.png")]
    [InlineData("/runs/article/imagebench.db")]
    [InlineData("/runs/article/results.json")]
    [InlineData("/runs/article/report.html")]
    [InlineData("/runs/.imagebench/images/x.png")]
    [InlineData("/assets/..%2f..%2fImageBench.Web.dll")]
    public async Task Paths_out_of_the_image_folders_are_refused(string rawPath)
    {
        using var response = await GetRawAsync(rawPath);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{rawPath}: {(int)response.StatusCode}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbolic_links_out_of_the_workspace_are_refused()
    {
        // A run directory that is a link to a run outside the workspace, and an image file that is a link out.
        var outside = Path.Combine(web.SuitesFolder, "outside-run");
        await new RunBuilder(outside, Path.Combine(web.SuitesFolder, "article.yaml")).Model("gpt-image-2", "GPT Image 2").Image("gpt-image-2", "valley", 64, 64).WriteAsync();
        Directory.CreateSymbolicLink(Path.Combine(web.Workspace, "linked-out"), outside);
        var secret = Path.Combine(web.SuitesFolder, "secret.txt");
        await File.WriteAllTextAsync(secret, "root:not for the browser");
        var linkedImage = new string('e', 64) + ".png";
        File.CreateSymbolicLink(Path.Combine(web.Workspace, WebRuns.Article, "images", linkedImage), secret);
        // A link that stays inside the workspace is fine.
        Directory.CreateSymbolicLink(Path.Combine(web.Workspace, "alias"), Path.Combine(web.Workspace, WebRuns.Article));

        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync("/runs/linked-out")).StatusCode);
        Assert.DoesNotContain("linked-out", await web.Http.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync($"/runs/{WebRuns.Article}/images/{linkedImage}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync($"/runs/{WebRuns.Article}/thumbnails/{linkedImage}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync("/runs/alias")).StatusCode);
    }

    [Fact]
    public async Task Stored_images_and_their_thumbnails_are_served()
    {
        var image = await FirstImageAsync(WebRuns.Article);
        using var full = await web.Http.GetAsync(image);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("image/png", full.Content.Headers.ContentType!.MediaType);
        using var thumbnail = await web.Http.GetAsync(image.Replace("/images/", "/thumbnails/", StringComparison.Ordinal));
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType!.MediaType);
        var bytes = await thumbnail.Content.ReadAsByteArrayAsync();
        var facts = ImageBench.Images.ImageInspector.Inspect(bytes).Facts!;
        Assert.Equal(("webp", Thumbnailer.Height), (facts.Format, facts.Height));
        // Cached on disk by the image's hash.
        var hash = Path.GetFileNameWithoutExtension(image);
        Assert.True(File.Exists(Path.Combine(web.Workspace, ".imagebench", "thumbnails", hash[..2], $"{hash}-{Thumbnailer.Height}.webp")));
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("POST", "/runs/article")]
    [InlineData("PUT", "/runs/article/images/x.png")]
    [InlineData("DELETE", "/runs/article")]
    [InlineData("POST", "/no/such/page")]
    public async Task Anything_but_GET_is_refused(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([new("a", "b")]) };
        using var response = await web.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Loopback_without_a_token_answers_only_to_loopback_host_names()
    {
        foreach (var host in new[] { "evil.example", "127.0.0.1.nip.io", "192.168.1.10" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = host } };
            Assert.Equal(HttpStatusCode.BadRequest, (await web.Http.SendAsync(request)).StatusCode);
        }
        foreach (var host in new[] { $"localhost:{web.Address.Port}", $"127.0.0.1:{web.Address.Port}", "[::1]" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = host } };
            Assert.Equal(HttpStatusCode.OK, (await web.Http.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task With_a_token_every_request_must_carry_it()
    {
        var token = "a-token-of-twenty-chars";
        await using var server = await ServedWorkspaceFixture.StartAsync(ServeOptions.Resolve(web.Workspace, "127.0.0.1", 0, token));
        await AssertTokenGateAsync(server, token);
    }

    [Fact]
    public async Task A_non_loopback_bind_generates_a_token_and_refuses_requests_without_it()
    {
        var options = ServeOptions.Resolve(web.Workspace, "0.0.0.0", 0, null);
        Assert.True(options.TokenGenerated);
        Assert.True(options.Token!.Length >= 40);
        await using var server = await ServedWorkspaceFixture.StartAsync(options);
        Assert.Contains("?token=", server.OpenUrl.AbsoluteUri, StringComparison.Ordinal);
        await AssertTokenGateAsync(server, options.Token);
    }

    private async Task AssertTokenGateAsync(WebServer server, string token)
    {
        var address = new Uri($"http://127.0.0.1:{server.Address.Port}/");
        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        var image = await FirstImageAsync(WebRuns.Article);
        foreach (var path in Pages.Concat([image, "/assets/site.css", ServedWorkspaceFixture.RunPath(WebRuns.Article) + "/events"]))
            Assert.Equal(HttpStatusCode.Unauthorized, (await plain.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await plain.GetAsync("/?token=wrong-token-of-some-length")).StatusCode);

        // The address serve printed: the token becomes an HttpOnly, same-site cookie and leaves the address bar.
        using var login = await plain.GetAsync($"/runs/article?token={Uri.EscapeDataString(token)}&x=1");
        Assert.Equal(HttpStatusCode.SeeOther, login.StatusCode);
        Assert.Equal("/runs/article?x=1", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, image) { Headers = { { "Cookie", cookie.Split(';')[0] } } };
        Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(withCookie)).StatusCode);
        using var withBearer = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Authorization", "Bearer " + token } } };
        Assert.Equal(HttpStatusCode.OK, (await plain.SendAsync(withBearer)).StatusCode);
        // A redirect never leaves this server, whatever the path looks like.
        using var sneaky = await GetRawAsync($"//evil.example/?token={Uri.EscapeDataString(token)}", plain);
        Assert.Equal("/", sneaky.Headers.Location?.OriginalString);
    }

    private async Task<string> FirstImageAsync(string run)
    {
        var html = await web.Http.GetStringAsync(ServedWorkspaceFixture.RunPath(run));
        return ImageLink().Match(html).Groups[1].Value;
    }

    /// <summary>Sends the path exactly as written: HttpClient would otherwise resolve "..", as a browser does.</summary>
    private Task<HttpResponseMessage> GetRawAsync(string rawPath, HttpClient? client = null)
    {
        client ??= web.Http;
        var uri = new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + rawPath, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        return client.GetAsync(uri);
    }

    [GeneratedRegex("href=\"(/runs/[^\"]+/images/[0-9a-f]{64}\\.png)\"")]
    private static partial Regex ImageLink();

    [GeneratedRegex("=\"[^\"]*\"")]
    private static partial Regex QuotedValue();

    [GeneratedRegex("<script(?![^>]*\\bsrc=\"/assets/)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    [GeneratedRegex("<style|<[a-z][^>]*\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttributeOrElement();
}
