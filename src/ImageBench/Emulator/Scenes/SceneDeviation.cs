namespace ImageBench.Emulator.Scenes;

public enum DeviationKind
{
    /// <summary>Drawn a different number of times (one of <see cref="SceneDeviation.Counts"/>, picked by seed).</summary>
    Count,
    /// <summary>Left out (or, for a quality such as "serrated", not achieved).</summary>
    Absent,
    /// <summary>Ambiguous: a judge looking at it could not tell.</summary>
    Unsure,
}

/// <summary>
/// How a model's drawing departs from a prompt, keyed by a word or phrase (like <see cref="ModelProfile.TypoRate"/>
/// emulates misspellings). Applies only to prompts containing <see cref="When"/> (default: the keyword itself).
/// The keyword lands on the prompt's counted object whose name contains it; when none does it becomes a quality
/// of its own that questions can ask about ("serrated", "pixel").
/// </summary>
public sealed record SceneDeviation(string Keyword, DeviationKind Kind, IReadOnlyList<int>? Counts = null, string? When = null)
{
    public string Trigger => When ?? Keyword;

    public static SceneDeviation Drawn(string keyword, params int[] counts) => new(keyword, DeviationKind.Count, counts);

    public static SceneDeviation Missing(string keyword, string? when = null) => new(keyword, DeviationKind.Absent, null, when);

    public static SceneDeviation Unclear(string keyword, string? when = null) => new(keyword, DeviationKind.Unsure, null, when);
}
