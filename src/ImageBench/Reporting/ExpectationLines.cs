using ImageBench.Suites;

namespace ImageBench.Reporting;

/// <summary>A prompt's expectations as short lines a reader can check an image against.</summary>
public static class ExpectationLines
{
    public static IReadOnlyList<string> Of(Expectations expect)
    {
        ArgumentNullException.ThrowIfNull(expect);
        var lines = new List<string>();
        foreach (var t in expect.Text) lines.Add($"Text: \"{t.Value}\"{Where(t.Placement)}");
        foreach (var o in expect.Objects)
            lines.Add($"Object: {o.Name}{(o.Count is int n ? $" ×{n}" : "")}{Where(o.Placement)}");
        if (expect.Lighting is not null) lines.Add($"Lighting: {expect.Lighting}");
        if (expect.Style is not null) lines.Add($"Style: {expect.Style}");
        if (expect.Action is not null) lines.Add($"Action: {expect.Action}");
        foreach (var c in expect.Checks) lines.Add($"Check: {c}");
        return lines;
    }

    private static string Where(string? placement) => placement is null ? "" : $" ({placement})";
}
