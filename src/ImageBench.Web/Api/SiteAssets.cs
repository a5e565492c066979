using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ImageBench.Reporting.Html;

namespace ImageBench.Web.Api;

/// <summary>
/// The stylesheet and scripts every page loads, from embedded resources (no wwwroot to ship or find): one
/// stylesheet made of the report's (the same rules report.html inlines) and the app's, and one file per script.
/// URLs carry the content's hash, so browsers may cache them for good.
/// </summary>
public sealed class SiteAssets
{
    public const string Stylesheet = "site.css";
    public const string Icon = "favicon.svg";
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    public SiteAssets()
    {
        var assembly = typeof(SiteAssets).Assembly;
        const string prefix = "ImageBench.Web.Assets.";
        var css = ReportStyles.Css + ReportStyles.Resource(assembly, prefix + Stylesheet) + ReportStyles.ScopedCssOf(assembly);
        Add(Stylesheet, Encoding.UTF8.GetBytes(css), "text/css; charset=utf-8");
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (name.EndsWith(".js", StringComparison.Ordinal)) Add(name[prefix.Length..], Read(assembly, name), "text/javascript; charset=utf-8");
            else if (name.EndsWith(".svg", StringComparison.Ordinal)) Add(name[prefix.Length..], Read(assembly, name), "image/svg+xml");
        }
    }

    /// <summary>"/assets/gallery.js?v=3f2a…".</summary>
    public string Url(string name) =>
        _assets.TryGetValue(name, out var asset) ? $"/assets/{name}?v={asset.Version}" : throw new KeyNotFoundException($"no asset {name}");

    public Asset? Find(string name) => _assets.GetValueOrDefault(name);

    private void Add(string name, byte[] bytes, string contentType) =>
        _assets[name] = new Asset(bytes, contentType, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

public sealed record Asset(byte[] Bytes, string ContentType, string Version);
