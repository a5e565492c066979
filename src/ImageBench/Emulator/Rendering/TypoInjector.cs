using ImageBench.Emulator.Randomness;

namespace ImageBench.Emulator.Rendering;

/// <summary>
/// Emulates the misspellings image models make: one letter drawn as a look-alike glyph. The weights favour
/// the swaps real models make most (the article's FLUX1.1 [pro] drew EVERY as EYERY).
/// </summary>
internal static class TypoInjector
{
    // Weights: V→Y is the swap diffusion models make most in display type (the two glyphs share their top half).
    private static readonly Dictionary<char, (char LookAlike, int Weight)> LookAlikes = new()
    {
        ['V'] = ('Y', 8), ['O'] = ('Q', 2), ['E'] = ('F', 2), ['I'] = ('l', 2), ['B'] = ('8', 2),
        ['S'] = ('5', 1), ['G'] = ('6', 1), ['Z'] = ('2', 1),
        ['v'] = ('y', 4), ['o'] = ('a', 1), ['e'] = ('c', 1), ['l'] = ('I', 1), ['n'] = ('h', 1),
    };

    /// <summary>
    /// The strings as the emulated model draws them, decided per (seed, model, prompt, string, variant). Variant 0
    /// is the first image of a prompt (the article's EYERY with seed 42); later variants are re-rolls, which may
    /// misspell differently or not at all, as a real model's re-roll does.
    /// </summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> strings, double typoRate, int seed, string model, string prompt, int variant = 0)
    {
        var result = new List<string>(strings.Count);
        for (int i = 0; i < strings.Count; i++)
        {
            var random = variant == 0 ? DeterministicRandom.For(seed, model, prompt, "typo", i) : DeterministicRandom.For(seed, model, prompt, "typo", i, variant);
            result.Add(random.NextDouble() < typoRate ? SwapOne(strings[i], random) : strings[i]);
        }
        return result;
    }

    private static string SwapOne(string text, DeterministicRandom random)
    {
        int total = 0;
        foreach (char c in text)
        {
            total += LookAlikes.TryGetValue(c, out var entry) ? entry.Weight : 0;
        }
        if (total == 0)
        {
            return text;
        }
        int pick = random.NextInt(total);
        for (int i = 0; i < text.Length; i++)
        {
            if (!LookAlikes.TryGetValue(text[i], out var entry))
            {
                continue;
            }
            if (pick < entry.Weight)
            {
                return string.Concat(text.AsSpan(0, i), entry.LookAlike.ToString(), text.AsSpan(i + 1));
            }
            pick -= entry.Weight;
        }
        return text;
    }
}
