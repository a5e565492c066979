using System.Net;
using ImageBench.Web.Api;
using ImageBench.Web.Authentication;
using ImageBench.Web.Images;
using ImageBench.Web.Live;
using ImageBench.Web.Security;
using ImageBench.Web.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageBench.Web;

/// <summary>
/// <c>imagebench serve</c>: a workspace of runs in the browser. Kestrel in this process, every page rendered on the
/// server, every request through the security headers and the token gate before it reaches a page or a file.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app, Uri address, ServeOptions options)
    {
        _app = app;
        Address = address;
        Options = options;
    }

    /// <summary>Where the server listens ("http://127.0.0.1:5173/"), without the token.</summary>
    public Uri Address { get; }
    public ServeOptions Options { get; }

    /// <summary>The address to open: with <c>?token=…</c> when the server has one.</summary>
    public Uri OpenUrl => Options.Token is { } token ? new Uri(Address, "/?" + TokenGate.QueryName + "=" + Uri.EscapeDataString(token)) : Address;

    public static async Task<WebServer> StartAsync(ServeOptions options, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
            // Never the developer exception page: an error must not show a stack trace to a browser.
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.Services.AddAntiforgery();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(options.Address, options.Port);
        });
        var app = builder.Build();

        var workspace = new RunWorkspace(options.Workspace);
        var reader = new RunReader();
        var views = new LiveViews(time);
        var site = new SiteContext(new SiteAssets(), options.Workspace);
        var events = new RunEventStream(reader, views, time, options.PollInterval, app.Lifetime.ApplicationStopping);
        // The Runs page changes less often and costs a stat per run per look: looked at half as often.
        var workspaceEvents = new WorkspaceEventStream(workspace, reader, time, options.PollInterval * 2, app.Lifetime.ApplicationStopping);

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<TokenGate>(options);
        // There are no form posts yet; when there are, minimal-API form endpoints require the anti-forgery token.
        app.UseAntiforgery();
        FileEndpoints.Map(app, workspace, new ThumbnailCache(workspace.ThumbnailFolder), site.Assets);
        PageEndpoints.Map(app, workspace, reader, views, events, workspaceEvents, site, time);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebServer(app, new Uri(PrintableAddress(new Uri(bound), options.Address)), options);
    }

    /// <summary>0.0.0.0 is where one listens, not an address to open: print the machine's name instead.</summary>
    private static string PrintableAddress(Uri bound, IPAddress address)
    {
        var host = address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) ? Dns.GetHostName()
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return $"http://{host}:{bound.Port}/";
    }

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The CLI owns Ctrl+C; the default console lifetime would take SIGINT and print its own status lines.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
