using System.Globalization;

namespace ImageBench.Emulator.Scenes;

/// <summary>What the emulator pretends an image shows: the prompt's counted objects, as one model drew them.</summary>
public sealed record Scene(string Model, string Prompt, IReadOnlyList<SceneObject> Objects)
{
    public SceneObject? Find(string name) =>
        Objects.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>One sentence listing what was drawn, deviations included ("3 croissants, 4 brown eggs (asked 1), no linen napkin").</summary>
    public string Describe()
    {
        if (Objects.Count == 0) return "no counted objects (the prompt names none the emulator could parse)";
        return string.Join(", ", Objects.Select(Describe));
    }

    private static string Describe(SceneObject o)
    {
        if (o.Unsure) return $"{o.Name} (unclear)";
        if (o.Drawn == 0) return $"no {o.Name}";
        if (o.Asked is null) return o.Name;
        var drawn = string.Create(CultureInfo.InvariantCulture, $"{o.Drawn} × {o.Name}");
        return o.Asked == o.Drawn ? drawn : string.Create(CultureInfo.InvariantCulture, $"{drawn} (asked {o.Asked})");
    }
}
