namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>One decoded character: its text, the probability of its best class, and the time step it came from.</summary>
public readonly record struct DecodedChar(string Text, float Probability, int Step);

/// <summary>
/// CTC best-path decoding: the most probable class per time step, repeats collapsed, blanks (class 0) dropped.
/// A repeated letter ("LL") survives only when a blank separates its two runs, as CTC defines.
/// </summary>
public static class CtcGreedyDecoder
{
    /// <param name="probabilities">Steps × classes, row-major (the recogniser's softmax output for one crop).</param>
    public static IReadOnlyList<DecodedChar> Decode(ReadOnlySpan<float> probabilities, int steps, int classes, PaddleDictionary dictionary)
    {
        var chars = new List<DecodedChar>();
        int previous = -1;
        for (int t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            int best = 0;
            float bestP = row[0];
            for (int c = 1; c < classes; c++)
            {
                if (row[c] > bestP)
                {
                    bestP = row[c];
                    best = c;
                }
            }
            if (best != 0 && best != previous)
            {
                chars.Add(new DecodedChar(dictionary[best], bestP, t));
            }
            previous = best;
        }
        return chars;
    }
}
