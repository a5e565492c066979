using System.CommandLine;
using ImageBench.Web;

namespace ImageBench.Cli.Commands;

/// <summary>
/// <c>imagebench serve</c>: the workspace's runs in a browser until Ctrl-C. Loopback unless told otherwise; any
/// other address needs a token (one is generated and printed in the address when none is given).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var workspace = new Option<string>("--workspace") { Description = "Folder whose subfolders are run directories", DefaultValueFactory = _ => "runs" };
        var port = new Option<int>("--port") { Description = "Port to listen on (0 = any free port)", DefaultValueFactory = _ => ServeOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to listen on; anything but loopback requires a token", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = $"Token every request must carry (at least {ServeOptions.MinTokenLength} characters); generated when --host is not loopback" };
        var command = new Command("serve", "Serve the workspace's runs in the browser: every run, live progress, the report and its gallery") { workspace, port, host, token };
        command.SetAction(async (parse, ct) =>
        {
            var options = ServeOptions.Resolve(parse.GetValue(workspace)!, parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(token));
            await using var server = await WebServer.StartAsync(options, TimeProvider.System, ct);
            Console.WriteLine($"serving {options.Workspace} at {server.OpenUrl}");
            if (options.TokenGenerated) Console.WriteLine("a token was generated because --host is not loopback: share the whole address, and only with people who may see these runs");
            Console.WriteLine("press Ctrl-C to stop");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: stop serving.
            }
            return 0;
        });
        return command;
    }
}
