using System.Diagnostics;

namespace ImageBench.Tests.Support;

/// <summary>Runs the real <c>imagebench</c> CLI as a child process, as a user would, from the repository root.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _out = new();
    private readonly System.Text.StringBuilder _err = new();

    private CliProcess(Process process) => _process = process;

    public event Action<string>? OutputLine;

    public static CliProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "imagebench.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        // Tests must not pick up a developer's real keys.
        info.Environment.Remove("OPENAI_API_KEY");
        info.Environment.Remove("BFL_API_KEY");
        info.Environment.Remove("FAL_KEY");
        info.Environment.Remove("REPLICATE_API_TOKEN");
        info.Environment.Remove("GEMINI_API_KEY");
        info.Environment["NO_COLOR"] = "1";
        info.Environment["TERM"] = "dumb";
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
            if (v is null) info.Environment.Remove(k); else info.Environment[k] = v;
        var p = new Process { StartInfo = info, EnableRaisingEvents = true };
        var cli = new CliProcess(p);
        p.OutputDataReceived += (_, e) => { if (e.Data is null) return; lock (cli._out) cli._out.AppendLine(e.Data); cli.OutputLine?.Invoke(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is null) return; lock (cli._err) cli._err.AppendLine(e.Data); };
        p.Start();
        p.StandardInput.Close();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return cli;
    }

    public static async Task<(int Exit, string Out, string Err)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, int timeoutSeconds = 120)
    {
        using var cli = Start(args, env);
        var exit = await cli.WaitAsync(timeoutSeconds);
        return (exit, cli.Out, cli.Err);
    }

    public string Out { get { lock (_out) return _out.ToString(); } }
    public string Err { get { lock (_err) return _err.ToString(); } }
    public bool HasExited => _process.HasExited;
    public int? ExitCodeOrNull => _process.HasExited ? _process.ExitCode : null;

    public async Task<int> WaitAsync(int timeoutSeconds = 120)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"imagebench did not finish within {timeoutSeconds} s. stdout:\n{Out}\nstderr:\n{Err}");
        }
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    /// <summary>
    /// SIGTERM: what stops a process the way Ctrl-C does (both cancel the run) and, unlike SIGINT, is never ignored
    /// by inheritance — a test run started in the background by a non-interactive shell has SIGINT ignored, and
    /// every child it starts inherits that.
    /// </summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no handler runs, no finally block, nothing flushed — a crash.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
