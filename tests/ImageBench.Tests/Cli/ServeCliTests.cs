using System.Net;
using System.Text.RegularExpressions;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary><c>imagebench serve</c> as a user starts it: bad input is one line and exit 2; a good start prints the address to open.</summary>
public sealed partial class ServeCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Theory]
    [InlineData("--workspace", "/no/such/workspace", "no such workspace folder")]
    [InlineData("--host", "example.com", "--host must be an IP address or localhost")]
    [InlineData("--token", "short", "--token must be at least 16 characters")]
    [InlineData("--port", "70000", "--port must be from 0 to 65535")]
    public async Task Bad_input_is_one_line_and_exit_code_2(string option, string value, string message)
    {
        string[] args = option == "--workspace" ? ["serve", option, value] : ["serve", "--workspace", _dir.Path, option, value];
        var (exit, _, err) = await CliProcess.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task Serves_on_loopback_and_prints_the_address()
    {
        using var cli = CliProcess.Start(["serve", "--workspace", _dir.Path, "--port", "0"]);
        var url = await AddressAsync(cli);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Contains("<h1>Runs</h1>", await http.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_loopback_host_prints_an_address_with_a_generated_token()
    {
        using var cli = CliProcess.Start(["serve", "--workspace", _dir.Path, "--port", "0", "--host", "0.0.0.0"]);
        var url = new Uri(await AddressAsync(cli));
        Assert.Matches("^\\?token=[A-Za-z0-9_-]{40,}$", url.Query);
        Assert.True(await Eventually.TrueAsync(() => cli.Out.Contains("a token was generated", StringComparison.Ordinal)));
        var local = new UriBuilder(url) { Host = "127.0.0.1" }.Uri;
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new UriBuilder(local) { Query = "" }.Uri)).StatusCode);
        Assert.Contains("<h1>Runs</h1>", await http.GetStringAsync(local), StringComparison.Ordinal); // follows the redirect with its cookie
    }

    [Fact]
    public void The_demo_ends_with_the_serve_line_that_opens_it()
    {
        var line = ImageBench.Cli.Commands.DemoCommand.ServeLine(Path.Combine("runs", "demo"));
        Assert.Matches(@"^see it in the browser: dotnet \S*imagebench\.dll serve --workspace runs +\(then open http://127\.0\.0\.1:5173/runs/demo\)$", line);
    }

    private static async Task<string> AddressAsync(CliProcess cli)
    {
        Assert.True(await Eventually.TrueAsync(() => ServingLine().IsMatch(cli.Out), 60_000), cli.Out + cli.Err);
        return ServingLine().Match(cli.Out).Groups[1].Value;
    }

    [GeneratedRegex("^serving .+ at (http://\\S+)$", RegexOptions.Multiline)]
    private static partial Regex ServingLine();

    public void Dispose() => _dir.Dispose();
}
