using System.Globalization;
using ImageBench.Suites;
using YamlDotNet.RepresentationModel;

namespace ImageBench.Configuration;

/// <summary>
/// Typed, located reads from a YAML mapping. Every failure names the file, line and column and the key, and
/// unknown keys are errors (a misspelt "expect:" must not silently drop a prompt's expectations).
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlFields(YamlNode node, string file, string what)
    {
        File = file;
        if (node is not YamlMappingNode map)
            throw new InputException(Loc(node, file), $"{what} must be a mapping (key: value lines)");
        _map = map;
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw new InputException(Loc(key, file), "keys must be plain strings");
            if (!_entries.TryAdd(name, (key, value)))
                throw new InputException(Loc(key, file), $"duplicate key '{name}'");
        }
    }

    public string File { get; }
    public SourceLocation Location => Loc(_map, File);
    public IEnumerable<string> Keys => _entries.Keys;

    public static SourceLocation Loc(YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public void RejectUnknown(params string[] allowed)
    {
        foreach (var (name, (key, _)) in _entries)
            if (Array.IndexOf(allowed, name) < 0)
                throw new InputException(Loc(key, File), $"unknown key '{name}' (expected one of: {string.Join(", ", allowed)})");
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var e) ? e.Value : null;

    public YamlNode RequiredNode(string key) =>
        Node(key) ?? throw new InputException(Location, $"missing required key '{key}'");

    public string RequiredString(string key)
    {
        if (!Has(key)) throw new InputException(Location, $"missing required key '{key}'");
        var value = OptionalString(key);
        if (string.IsNullOrWhiteSpace(value))
            throw new InputException(Node(key) is { } n ? Loc(n, File) : Location, $"'{key}' must be a non-empty string");
        return value;
    }

    public string? OptionalString(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is not YamlScalarNode scalar)
            throw new InputException(Loc(node, File), $"'{key}' must be a string");
        return scalar.Value;
    }

    public int? OptionalInt(string key, int min, int max)
    {
        if (OptionalString(key) is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new InputException(Loc(Node(key)!, File), $"'{key}' must be a whole number from {min} to {max}, not '{text}'");
        return value;
    }

    public decimal? OptionalDecimal(string key, decimal min)
    {
        if (OptionalString(key) is not { } text) return null;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new InputException(Loc(Node(key)!, File), $"'{key}' must be a number ≥ {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return value;
    }

    public IReadOnlyList<string> StringList(string key)
    {
        if (Node(key) is not { } node) return [];
        if (node is YamlScalarNode single && !string.IsNullOrWhiteSpace(single.Value)) return [single.Value];
        if (node is not YamlSequenceNode seq)
            throw new InputException(Loc(node, File), $"'{key}' must be a list of strings");
        var items = new List<string>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value))
                throw new InputException(Loc(item, File), $"every item of '{key}' must be a non-empty string");
            items.Add(s.Value);
        }
        return items;
    }

    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        if (Node(key) is not { } node) return [];
        if (node is not YamlSequenceNode seq)
            throw new InputException(Loc(node, File), $"'{key}' must be a list");
        return seq.Children.ToList();
    }

    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        if (Node(key) is not { } node) return new Dictionary<string, string>();
        var fields = new YamlFields(node, File, $"'{key}'");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in fields.Keys)
            map[name] = fields.OptionalString(name) ?? "";
        return map;
    }
}
