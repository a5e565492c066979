using System.Diagnostics;
using System.Text.Json.Nodes;
using ImageBench.Scoring.Text.Calibration;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Cli;

/// <summary>
/// Installs ImageBench the way a .NET user does: <c>scripts/pack.sh</c> (what <c>make pack</c> runs) into a fresh
/// folder, <c>dotnet tool install --add-source</c> into a temporary tool path, then the installed command, run from
/// outside the checkout — including an OCR check, which needs libSkiaSharp, libtesseract.so.5 and libonnxruntime.so
/// to load from the installed tool. A second test references the packed ImageBench.Core from a new program.
/// </summary>
public sealed class ToolPackageTests(PackedArtifacts packed) : IClassFixture<PackedArtifacts>
{
    [DotnetFact]
    public async Task The_packed_tool_installs_and_its_native_pieces_load_from_the_tool_path()
    {
        using var work = new TempDir();
        var tools = Path.Combine(work.Path, "tools");
        var install = await ProcessRun.RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packed.Folder, PackedArtifacts.ToolPackage], work.Path);
        Assert.True(install.Exit == 0, install.Describe());
        var imagebench = Path.Combine(tools, "imagebench");

        var version = await ProcessRun.RunAsync(imagebench, ["--version"], work.Path);
        Assert.True(version.Exit == 0, version.Describe());
        Assert.StartsWith(packed.AssemblyVersion + "+", version.Out.Trim(), StringComparison.Ordinal);

        var demoHelp = await ProcessRun.RunAsync(imagebench, ["demo", "--help"], work.Path);
        Assert.True(demoHelp.Exit == 0, demoHelp.Describe());
        Assert.Contains("Offline demo", demoHelp.Out, StringComparison.Ordinal);

        var poster = Path.Combine(work.Path, "hello.png");
        await File.WriteAllBytesAsync(poster, CalibrationPosters.Render(["HELLO"], PosterStyle.DarkOnLight, 640, 480));
        var check = await ProcessRun.RunAsync(imagebench, ["check", poster, "--text", "HELLO", "--json"], work.Path);
        Assert.True(check.Exit == 0, check.Describe());
        var text = JsonNode.Parse(check.Out)!["checks"]!.AsArray().Single(c => (string?)c!["check"] == "text")!;
        Assert.True((bool)text["passed"]!, check.Out);
        // Both engines read it: Tesseract through Debian's libtesseract.so.5, PP-OCR through the tool's libonnxruntime.so.
        var reads = text["details"]!["strings"]![0]!["engines_read"]!.AsArray();
        Assert.Contains(reads, r => ((string)r!["engine"]!).StartsWith("tesseract", StringComparison.Ordinal) && (bool)r["exact"]!);
        Assert.Contains(reads, r => ((string)r!["engine"]!).StartsWith("paddleocr", StringComparison.Ordinal) && (bool)r["exact"]!);
    }

    [DotnetFact]
    public async Task A_program_references_the_packed_core_library()
    {
        using var work = new TempDir();
        await File.WriteAllTextAsync(Path.Combine(work.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="imagebench-artifacts" value="{packed.Folder}" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(work.Path, "consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                <SelfContained>false</SelfContained>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ImageBench.Core" Version="{packed.Version}" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(work.Path, "Program.cs"), """
            var gpt = ImageBench.Catalog.ModelCatalog.Load().Get("gpt-image-2");
            Console.WriteLine($"{gpt.Name}: {gpt.Price.PerImageFor(1024, 1024)}");
            """);

        var run = await ProcessRun.RunAsync("dotnet", ["run", "--nologo", "-v", "q"], work.Path, timeoutSeconds: 300);

        Assert.True(run.Exit == 0, run.Describe());
        Assert.Contains("GPT Image 2: 0.03", run.Out, StringComparison.Ordinal);
    }
}

/// <summary>Runs <c>scripts/pack.sh</c> once for the class, into a temporary folder.</summary>
public sealed class PackedArtifacts : IDisposable
{
    public const string ToolPackage = "ImageBench.Cli";
    private readonly TempDir _dir = new();

    public PackedArtifacts()
    {
        Folder = Path.Combine(_dir.Path, "artifacts");
        AssemblyVersion = typeof(ImageBench.Cli.Program).Assembly.GetName().Version!.ToString(3);
        // A version of its own: a program that restores ImageBench.Core puts it in the machine's NuGet cache, where a
        // later pack of the same version would be shadowed by this one. Removed again in Dispose.
        Version = $"{AssemblyVersion}.{Random.Shared.Next(1, int.MaxValue)}";
        if (!DotnetFactAttribute.DotnetOnPath) return;
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var pack = ProcessRun.RunAsync(RepoPaths.File("scripts", "pack.sh"), [Folder], RepoPaths.Root,
            new Dictionary<string, string> { ["CONFIGURATION"] = configuration, ["PACKAGE_VERSION"] = Version }, timeoutSeconds: 300).GetAwaiter().GetResult();
        if (pack.Exit != 0) throw new InvalidOperationException("scripts/pack.sh failed: " + pack.Describe());
        foreach (var id in new[] { ToolPackage, ToolPackage + ".linux-x64", "ImageBench.Core" })
        {
            var file = Path.Combine(Folder, $"{id}.{Version}.nupkg");
            if (!File.Exists(file)) throw new InvalidOperationException($"scripts/pack.sh did not write {file}: " + pack.Describe());
        }
    }

    public string Folder { get; }
    /// <summary>The packages' version (unique to this test run).</summary>
    public string Version { get; }
    /// <summary>What <c>imagebench --version</c> starts with.</summary>
    public string AssemblyVersion { get; }

    public void Dispose()
    {
        _dir.Dispose();
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "imagebench.core", "imagebench.cli", "imagebench.cli.linux-x64" })
        {
            var dir = Path.Combine(cache, id, Version);
            try
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
                if (Directory.Exists(Path.GetDirectoryName(dir)) && !Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(dir)!).Any())
                    Directory.Delete(Path.GetDirectoryName(dir)!);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>A fact that needs the <c>dotnet</c> command; without it the test is skipped, saying so.</summary>
public sealed class DotnetFactAttribute : FactAttribute
{
    public static bool DotnetOnPath { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, "dotnet")));

    public DotnetFactAttribute()
    {
        if (!DotnetOnPath) Skip = "the dotnet command is not on PATH: packing and installing the tool needs the .NET SDK";
    }
}

/// <summary>One child process to completion, its output captured.</summary>
internal static class ProcessRun
{
    public sealed record Result(string Command, int Exit, string Out, string Err)
    {
        public string Describe() => $"{Command} → exit {Exit}\nstdout:\n{Out}\nstderr:\n{Err}";
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string>? env = null, int timeoutSeconds = 120)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A build server left running by a child would outlive the test run.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeoutSeconds} s");
        }
        return new Result($"{file} {string.Join(' ', info.ArgumentList)}", process.ExitCode, await stdout, await stderr);
    }
}
