namespace ImageBench.Suites;

/// <summary>What a correct image for a prompt must show; scorers turn these into checks.</summary>
public sealed record Expectations
{
    /// <summary>Strings that must be rendered exactly.</summary>
    public IReadOnlyList<TextExpectation> Text { get; init; } = [];
    /// <summary>Named objects, with counts and placement where the prompt gives them.</summary>
    public IReadOnlyList<ObjectExpectation> Objects { get; init; } = [];
    /// <summary>Lighting the prompt asks for ("soft window light from upper-right").</summary>
    public string? Lighting { get; init; }
    /// <summary>Style the prompt asks for ("pixel-art", "watercolor", "editorial photography").</summary>
    public string? Style { get; init; }
    /// <summary>An action the image must show ("threading a needle").</summary>
    public string? Action { get; init; }
    /// <summary>Free yes/no questions for the checklist judge.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    public bool IsEmpty => Text.Count == 0 && Objects.Count == 0 && Lighting is null && Style is null && Action is null && Checks.Count == 0;
}

/// <param name="Value">The exact string, case and punctuation included.</param>
/// <param name="Placement">Where it goes ("top", "below title"), when the prompt says.</param>
public sealed record TextExpectation(string Value, string? Placement = null);

/// <param name="Name">The object ("croissant").</param>
/// <param name="Count">Exact count, when the prompt gives one.</param>
/// <param name="Placement">Where it goes ("lower right", "beside the door").</param>
public sealed record ObjectExpectation(string Name, int? Count = null, string? Placement = null);
