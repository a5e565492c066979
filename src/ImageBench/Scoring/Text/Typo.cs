namespace ImageBench.Scoring.Text;

/// <summary>A misspelt word: <c>EVERY → EYERY</c> (word 5; V→Y at 2).</summary>
/// <param name="Word">1-based position of the word in the expected string.</param>
public sealed record Typo(int Word, string Expected, string Read, IReadOnlyList<CharEdit> Edits)
{
    public override string ToString() => $"{Expected} → {Read} (word {Word}: {string.Join(", ", Edits)})";
}
