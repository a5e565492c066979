using System.Text.Json.Serialization;
using ImageBench.Scoring.Judge;

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
    /// <summary>
    /// A frozen judge checklist (<c>checklist:</c> under <c>expect:</c>), asked verbatim instead of the questions
    /// derived from the fields above; null when the suite gives none. Left out of the JSON when null so the
    /// expectation hashes of suites without one — and so their cached scores — stay what they were.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ChecklistItem>? Checklist { get; init; }
    /// <summary>
    /// The prompt's tags, copied here by the suite loader because they decide which capability a free check speaks
    /// for. Not part of the expectations hash: only the judge uses them, and it hashes its checklist instead.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool IsEmpty => Text.Count == 0 && Objects.Count == 0 && Lighting is null && Style is null && Action is null && Checks.Count == 0 && Checklist is null;
}

/// <param name="Value">The exact string, case and punctuation included.</param>
/// <param name="Placement">Where it goes ("top", "below title"), when the prompt says.</param>
public sealed record TextExpectation(string Value, string? Placement = null);

/// <param name="Name">The object ("croissant").</param>
/// <param name="Count">Exact count, when the prompt gives one.</param>
/// <param name="Placement">Where it goes ("lower right", "beside the door").</param>
public sealed record ObjectExpectation(string Name, int? Count = null, string? Placement = null);
