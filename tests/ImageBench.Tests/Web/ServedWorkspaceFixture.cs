using System.Net;
using ImageBench.Tests.Support;
using ImageBench.Web;

namespace ImageBench.Tests.Web;

/// <summary>The web tests' workspace (<see cref="WebRuns"/>) served on a free loopback port, no token.</summary>
public class ServedWorkspaceFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string Workspace => Path.Combine(_dir.Path, "runs");
    public string SuitesFolder => Path.Combine(_dir.Path, "suites");
    internal WebServer Server { get; private set; } = default!;
    public HttpClient Http { get; private set; } = default!;
    public Uri Address => Server.Address;

    public virtual async Task InitializeAsync()
    {
        Directory.CreateDirectory(Workspace);
        Directory.CreateDirectory(SuitesFolder);
        await WebRuns.CreateAsync(Workspace, SuitesFolder);
        Server = await StartAsync(ServeOptions.Resolve(Workspace, "127.0.0.1", 0, null));
        Http = new HttpClient { BaseAddress = Server.Address };
    }

    internal static Task<WebServer> StartAsync(ServeOptions options) =>
        WebServer.StartAsync(options with { PollInterval = TimeSpan.FromMilliseconds(100) }, TimeProvider.System, CancellationToken.None);

    public Uri Url(string path) => new(Server.Address, path);

    public static string RunPath(string name) => "/runs/" + Uri.EscapeDataString(name);

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}
