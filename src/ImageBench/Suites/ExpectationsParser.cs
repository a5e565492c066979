using ImageBench.Configuration;

namespace ImageBench.Suites;

/// <summary>Parses a prompt's <c>expect:</c> block. Short forms are accepted: a plain string for a text or object.</summary>
internal static class ExpectationsParser
{
    public static Expectations Parse(YamlFields f)
    {
        f.RejectUnknown("text", "objects", "lighting", "style", "action", "checks", "checklist");
        return new Expectations
        {
            Text = f.Sequence("text").Select(n => ParseText(n, f.File)).ToList(),
            Objects = f.Sequence("objects").Select(n => ParseObject(n, f.File)).ToList(),
            Lighting = f.OptionalString("lighting"),
            Style = f.OptionalString("style"),
            Action = f.OptionalString("action"),
            Checks = f.StringList("checks"),
            Checklist = f.Node("checklist") is { } c ? ChecklistParser.Parse(c, f.File) : null,
        };
    }

    private static TextExpectation ParseText(YamlDotNet.RepresentationModel.YamlNode node, string file)
    {
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode s)
            return new TextExpectation(NonEmpty(s.Value, node, file, "a text expectation"));
        var f = new YamlFields(node, file, "a text expectation");
        f.RejectUnknown("value", "placement");
        return new TextExpectation(f.RequiredString("value"), f.OptionalString("placement"));
    }

    private static ObjectExpectation ParseObject(YamlDotNet.RepresentationModel.YamlNode node, string file)
    {
        if (node is YamlDotNet.RepresentationModel.YamlScalarNode s)
            return new ObjectExpectation(NonEmpty(s.Value, node, file, "an object expectation"));
        var f = new YamlFields(node, file, "an object expectation");
        f.RejectUnknown("name", "count", "placement");
        return new ObjectExpectation(f.RequiredString("name"), f.OptionalInt("count", 0, 10_000), f.OptionalString("placement"));
    }

    private static string NonEmpty(string? value, YamlDotNet.RepresentationModel.YamlNode node, string file, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InputException(YamlFields.Loc(node, file), $"{what} must not be empty") : value;
}
