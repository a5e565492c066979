using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ImageBench.Configuration;

namespace ImageBench.Suites;

/// <summary>
/// Reads a suite YAML file and validates it completely before anything is sent, so a typo costs nothing.
/// Errors are <see cref="InputException"/>s carrying file:line:column.
/// </summary>
public static partial class SuiteLoader
{
    public static Suite Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: suite file not found");
        var bytes = File.ReadAllBytes(path);
        return Parse(Encoding.UTF8.GetString(bytes), path, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    public static Suite Parse(string yaml, string file, string? sha256 = null)
    {
        var root = new YamlFields(YamlDocument.LoadRoot(yaml, file), file, "a suite");
        root.RejectUnknown("name", "description", "prompts");
        var prompts = new List<PromptSpec>();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var node in root.Sequence("prompts"))
        {
            var prompt = ParsePrompt(new YamlFields(node, file, "a prompt"));
            if (ids.TryGetValue(prompt.Id, out var first))
                throw new InputException(prompt.Location, $"duplicate prompt id '{prompt.Id}' (first at line {first.Line})");
            ids[prompt.Id] = prompt.Location;
            prompts.Add(prompt);
        }
        if (prompts.Count == 0)
            throw new InputException(root.Node("prompts") is { } n ? YamlFields.Loc(n, file) : root.Location, "a suite needs at least one prompt under 'prompts:'");
        return new Suite
        {
            Name = root.OptionalString("name") ?? Path.GetFileNameWithoutExtension(file),
            Description = root.OptionalString("description"),
            Prompts = prompts,
            Path = file,
            Sha256 = sha256 ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml))),
        };
    }

    private static PromptSpec ParsePrompt(YamlFields f)
    {
        f.RejectUnknown("id", "text", "tags", "expect");
        var id = f.RequiredString("id");
        if (!IdPattern().IsMatch(id))
            throw new InputException(YamlFields.Loc(f.RequiredNode("id"), f.File),
                $"prompt id '{id}' may use only letters, digits, '-', '_' and '.' (it names files and table rows)");
        var text = f.RequiredString("text").Trim();
        var tags = f.StringList("tags");
        var expect = f.Node("expect") is { } e ? ExpectationsParser.Parse(new YamlFields(e, f.File, "'expect'")) : new Expectations();
        return new PromptSpec
        {
            Id = id,
            Text = text,
            Tags = tags,
            Expect = expect with { Tags = tags },
            Location = f.Location,
        };
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
