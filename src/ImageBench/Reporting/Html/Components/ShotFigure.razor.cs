using Microsoft.AspNetCore.Components;

namespace ImageBench.Reporting.Html.Components;

/// <summary>
/// One attempt's image (or why there is none) with its outcome, latency, cost and checks. Laid out at the image's
/// own aspect ratio: width and height come from the stored image facts, the stylesheet fixes only the height.
/// </summary>
public partial class ShotFigure
{
    [Parameter, EditorRequired] public string PromptId { get; set; } = default!;
    [Parameter, EditorRequired] public PromptEntry Entry { get; set; } = default!;
    [Parameter, EditorRequired] public IImageLinks Links { get; set; } = default!;

    /// <summary>"gpt-image-2/coffee-poster/0": how live pages find the figure an attempt replaces.</summary>
    public static string SlotOf(string model, string promptId, int repeat) => $"{model}/{promptId}/{repeat}";

    private string Slot => SlotOf(Entry.Model, PromptId, Entry.Repeat);

    private string RepeatText => Entry.Repeat > 0 ? $" (repeat {Entry.Repeat + 1})" : "";

    private string RetriesText => Entry.Retries > 0 ? $", {Entry.Retries} retr{(Entry.Retries == 1 ? "y" : "ies")}" : "";

    private string? OutcomeClass => Entry.Outcome == Attempts.AttemptOutcome.Ok ? null : "failed";

    /// <summary>Model, prompt and verdict: what a reader who cannot see the image needs to know about it.</summary>
    public static string AltText(string promptId, PromptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var repeat = entry.Repeat > 0 ? $" (repeat {entry.Repeat + 1})" : "";
        return $"{entry.ModelName} image for prompt {promptId}{repeat}: {entry.VerdictText}";
    }

    private string Alt => AltText(PromptId, Entry);
}
