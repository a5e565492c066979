using System.Globalization;
using System.Net;
using ImageBench.Web.Authentication;
using ImageBench.Configuration;

namespace ImageBench.Web;

/// <summary>
/// What <c>imagebench serve</c> was asked, checked. Loopback by default; any other address serves images the team
/// paid for and runs in a process whose environment holds provider keys, so it always needs a token.
/// </summary>
public sealed record ServeOptions
{
    public const int DefaultPort = 5173;
    public const int MinTokenLength = 16;

    /// <summary>The workspace folder (full path) whose subfolders are run directories.</summary>
    public required string Workspace { get; init; }
    public required IPAddress Address { get; init; }
    /// <summary>0 lets the system pick a free port (tests).</summary>
    public int Port { get; init; } = DefaultPort;
    /// <summary>Required on every request when set; always set on a non-loopback address.</summary>
    public string? Token { get; init; }
    /// <summary>True when <see cref="Token"/> was generated here rather than given, so it must be printed.</summary>
    public bool TokenGenerated { get; init; }
    /// <summary>How often a live page looks at a running run's store.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Checks what was typed; bad input is an <see cref="InputException"/> (one line, exit code 2).</summary>
    public static ServeOptions Resolve(string workspace, string host, int port, string? token)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(host);
        var root = Path.GetFullPath(workspace);
        if (!Directory.Exists(root)) throw new InputException($"{workspace}: no such workspace folder (run directories live there; the default is runs/)");
        if (port is < 0 or > 65535) throw new InputException($"--port must be from 0 to 65535, not {port.ToString(CultureInfo.InvariantCulture)}");
        var address = host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new InputException($"--host must be an IP address or localhost, not '{host}'");
        if (token is not null && token.Length < MinTokenLength)
            throw new InputException($"--token must be at least {MinTokenLength} characters (or leave it out on a non-loopback --host to have one generated)");
        var generated = token is null && !IPAddress.IsLoopback(address);
        return new ServeOptions
        {
            Workspace = root,
            Address = address,
            Port = port,
            Token = generated ? AccessToken.Generate() : token,
            TokenGenerated = generated,
        };
    }
}
