using ImageBench.Web;

namespace ImageBench.Tests.Web;

public sealed class WebServerTests(ServedWorkspaceFixture web) : IClassFixture<ServedWorkspaceFixture>
{
    [Fact]
    public async Task Stopping_ends_open_event_streams_instead_of_waiting_for_them()
    {
        var server = await ServedWorkspaceFixture.StartAsync(ServeOptions.Resolve(web.Workspace, "127.0.0.1", 0, null));
        using var http = new HttpClient { BaseAddress = server.Address };
        using var stream = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
        // Kestrel waits up to 30 s for open requests on shutdown; a stream that ignored the server stopping would hold Ctrl-C that long.
        await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_event_stream_of_a_finished_run_says_so_and_ends()
    {
        var body = await web.Http.GetStringAsync(ServedWorkspaceFixture.RunPath(WebRuns.Article) + "/events");
        Assert.Contains("event: progress\ndata: {\"status\":\"finished\"", body, StringComparison.Ordinal);
        Assert.EndsWith("event: end\ndata: {\"status\":\"finished\"}\n\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("event: attempt", body, StringComparison.Ordinal); // a page that shows them all needs none
    }
}
