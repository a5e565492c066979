namespace ImageBench.Scoring.Text;

/// <summary>
/// Glyphs many fonts draw alike: l / I / 1 / | and O / 0. OCR reads them from shape alone, so a word that differs
/// from the expected one only by these is not evidence of a typo ("StrongAI" read "StrongAl"): the check becomes
/// uncertain and goes to a person. Comparison is on the matcher's upper-cased words, where a lower-case l has
/// already become L — so L is folded too; a genuine L↔I misspelling is sent to a person rather than failed.
/// </summary>
public static class GlyphConfusion
{
    /// <summary>The word with every ambiguous glyph replaced by its group's representative (I or O).</summary>
    public static string Fold(string word) => string.Create(word.Length, word, static (span, w) =>
    {
        for (int i = 0; i < w.Length; i++) span[i] = FoldChar(w[i]);
    });

    /// <summary>True when the two words differ, but only by ambiguous glyphs.</summary>
    public static bool OnlyConfusable(string expected, string read) =>
        !string.Equals(expected, read, StringComparison.Ordinal) && string.Equals(Fold(expected), Fold(read), StringComparison.Ordinal);

    private static char FoldChar(char c) => c switch
    {
        'l' or 'L' or 'I' or 'i' or '1' or '|' => 'I',
        'o' or 'O' or '0' => 'O',
        _ => c,
    };
}
