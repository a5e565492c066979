using ImageBench.Emulator.Rendering;

namespace ImageBench.Scoring.Text.Calibration;

/// <summary>
/// One calibration poster: the strings a prompt asks for, the strings actually drawn (one of them possibly
/// misspelt with the emulator's look-alike swaps), and how it looks.
/// </summary>
/// <param name="Look">How the image looks (a poster style, or the emulated model that drew it).</param>
/// <param name="Render">Encodes the image at a square size.</param>
public sealed record CalibrationCase(IReadOnlyList<string> Expected, IReadOnlyList<string> Drawn, string Look, Func<int, byte[]> Render)
{
    /// <summary>Pairs of (headline, subtitle) in the styles of real poster prompts.</summary>
    private static readonly (string Headline, string Subtitle)[] Phrases =
    [
        ("MORNING BREW", "OPEN FROM 7 AM EVERY DAY"),
        ("GRAND OPENING", "FREE COFFEE FOR EVERY VISITOR"),
        ("SUMMER SALE", "HALF PRICE ON ALL SHOES"),
        ("LIVE MUSIC", "EVERY FRIDAY NIGHT FROM 9"),
        ("FRESH BREAD", "BAKED DAILY SINCE 1962"),
        ("CITY MARATHON", "SUNDAY 14 MAY REGISTER NOW"),
        ("BOOK CLUB", "SECOND TUESDAY OF EVERY MONTH"),
        ("VINTAGE MARKET", "VINYL BOOKS AND FURNITURE"),
    ];

    /// <summary>
    /// Every phrase pair × every style × {drawn right, one string misspelt}: 8 × 3 × 2 = 48 posters. The misspelt
    /// string alternates between headline and subtitle; the swap comes from the emulator's typo model.
    /// </summary>
    public static IReadOnlyList<CalibrationCase> Standard()
    {
        var cases = new List<CalibrationCase>();
        int seed = 0;
        foreach (var (headline, subtitle) in Phrases)
        {
            foreach (var style in Enum.GetValues<PosterStyle>())
            {
                string[] expected = [headline, subtitle];
                cases.Add(Poster(expected, expected, style, ++seed));
                int wrong = seed % 2;
                var drawn = expected.ToArray();
                drawn[wrong] = Misspell(expected[wrong], seed);
                cases.Add(Poster(expected, drawn, style, ++seed));
            }
        }
        return cases;
    }

    private static CalibrationCase Poster(string[] expected, string[] drawn, PosterStyle style, int seed) =>
        new(expected, drawn, style.ToString(), size => CalibrationPosters.Render(drawn, style, size, size, seed));

    /// <summary>A misspelling that stays a misspelling after normalisation (upper-casing can undo l for I).</summary>
    private static string Misspell(string text, int seed)
    {
        for (int attempt = 0; ; attempt++)
        {
            var drawn = TypoInjector.Apply([text], 1.0, seed, "calibration", text + attempt)[0];
            if (NormalizedText.Of(drawn).Normal != NormalizedText.Of(text).Normal)
            {
                return drawn;
            }
        }
    }
}
