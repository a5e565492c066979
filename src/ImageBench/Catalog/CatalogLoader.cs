using System.Globalization;
using System.Text.RegularExpressions;
using ImageBench.Configuration;

namespace ImageBench.Catalog;

/// <summary>
/// Parses a models file. An entry whose id already exists (from the shipped catalog) starts from that entry
/// and changes only the keys given, so a user can override a base URL or a price in two lines.
/// </summary>
internal static partial class CatalogLoader
{
    private static readonly string[] EntryKeys =
        ["name", "provider", "upstream", "base_url", "key_env", "size", "options", "concurrency", "poll_interval_ms", "price"];

    public static Dictionary<string, ModelEntry> Parse(string yaml, string file, IReadOnlyDictionary<string, ModelEntry> existing)
    {
        var root = new YamlFields(YamlDocument.LoadRoot(yaml, file), file, "a models file");
        root.RejectUnknown("models");
        var models = new Dictionary<string, ModelEntry>(existing, StringComparer.Ordinal);
        var map = new YamlFields(root.RequiredNode("models"), file, "'models'");
        foreach (var id in map.Keys)
        {
            var fields = new YamlFields(map.Node(id)!, file, $"model '{id}'");
            fields.RejectUnknown(EntryKeys);
            models[id] = ParseEntry(id, fields, existing.GetValueOrDefault(id));
        }
        return models;
    }

    private static ModelEntry ParseEntry(string id, YamlFields f, ModelEntry? base_)
    {
        var baseUrl = f.OptionalString("base_url") is { } url ? ParseUrl(url, f) : base_?.BaseUrl ?? throw new InputException(f.Location, $"model '{id}' needs 'base_url:'");
        var (width, height) = f.OptionalString("size") is { } size ? ParseSize(size, f) : (base_?.DefaultWidth ?? 1024, base_?.DefaultHeight ?? 1024);
        var price = f.Node("price") is { } p ? PriceParser.Parse(new YamlFields(p, f.File, "'price'"), base_?.Price)
            : base_?.Price ?? throw new InputException(f.Location, $"model '{id}' needs a 'price:' block (per_image or per_million_tokens, source, read)");
        var keyEnv = f.Has("key_env") ? f.OptionalString("key_env") : base_?.KeyEnv;
        return new ModelEntry
        {
            Id = id,
            DisplayName = f.OptionalString("name") ?? base_?.DisplayName,
            Provider = f.OptionalString("provider") ?? base_?.Provider ?? throw new InputException(f.Location, $"model '{id}' needs 'provider:'"),
            Upstream = f.OptionalString("upstream") ?? base_?.Upstream ?? id,
            BaseUrl = baseUrl,
            KeyEnv = string.IsNullOrWhiteSpace(keyEnv) || keyEnv == "none" ? null : keyEnv,
            DefaultWidth = width,
            DefaultHeight = height,
            Options = f.Has("options") ? f.StringMap("options") : base_?.Options ?? new Dictionary<string, string>(),
            Price = price,
            Concurrency = f.OptionalInt("concurrency", 1, 1024) ?? base_?.Concurrency ?? 4,
            PollInterval = f.OptionalInt("poll_interval_ms", 1, 600_000) is { } ms ? TimeSpan.FromMilliseconds(ms) : base_?.PollInterval ?? TimeSpan.FromMilliseconds(500),
        };
    }

    private static (int, int) ParseSize(string text, YamlFields f)
    {
        var m = SizePattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var w) || !int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var h)
            || w is < 16 or > 16384 || h is < 16 or > 16384)
            throw new InputException(YamlFields.Loc(f.Node("size")!, f.File), $"'size' must look like 1024x1024 (16..16384 each side), not '{text}'");
        return (w, h);
    }

    private static Uri ParseUrl(string text, YamlFields f)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            throw new InputException(YamlFields.Loc(f.Node("base_url")!, f.File), $"'base_url' must be an absolute http(s) URL, not '{text}'");
        // A trailing slash makes relative paths join under a gateway's prefix instead of replacing its last segment.
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    [GeneratedRegex(@"^\s*(\d+)\s*[x×*]\s*(\d+)\s*$")]
    private static partial Regex SizePattern();
}
