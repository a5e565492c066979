using System.Reflection;

namespace ImageBench.Reporting.Html;

/// <summary>
/// The report's stylesheet: the shared page rules (report.css) and every component's scoped rules, which the build
/// embeds already rewritten with the component's scope attribute (Directory.Build.targets, EmbedScopedCss).
/// </summary>
public static class ReportStyles
{
    public const string ScopedPrefix = "scoped-css/";

    /// <summary>What report.html inlines and the served pages load first.</summary>
    public static string Css { get; } = Resource(typeof(ReportStyles).Assembly, "ImageBench.Reporting.Html.report.css") + ScopedCssOf(typeof(ReportStyles).Assembly);

    /// <summary>The scoped rules of every component in <paramref name="assembly"/>, in a fixed order (by path).</summary>
    public static string ScopedCssOf(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ScopedPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        return string.Concat(names.Select(n => $"/* {n[ScopedPrefix.Length..]} */\n{Resource(assembly, n).Trim()}\n"));
    }

    public static string Resource(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"embedded resource {name} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
