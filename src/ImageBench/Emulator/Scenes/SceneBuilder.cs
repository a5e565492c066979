using ImageBench.Emulator.Randomness;

namespace ImageBench.Emulator.Scenes;

/// <summary>
/// Decides the scene a model "draws" for a prompt: the prompt's counted objects, then the profile's article
/// deviations, then (for the guessed profiles) a seeded off-by-one slip per remaining object. Deterministic per
/// (seed, model, prompt), like the typos, so a demo run is reproducible.
/// </summary>
internal static class SceneBuilder
{
    public static Scene Build(string model, string prompt, ModelProfile profile, int seed)
    {
        var objects = PromptObjects.In(prompt).Select(o => new SceneObject(o.Name, o.Count, o.Count)).ToList();
        var touched = new HashSet<int>();
        foreach (var deviation in profile.SceneDeviations)
        {
            if (!SceneWords.Contains(SceneWords.Normalized(prompt), SceneWords.Normalized(deviation.Trigger))) continue;
            var random = DeterministicRandom.For(seed, model, prompt, "scene", deviation.Keyword);
            var keyword = SceneWords.Normalized(deviation.Keyword);
            var index = objects.FindIndex(o => SceneWords.Contains(SceneWords.Normalized(o.Name), keyword));
            if (index >= 0)
            {
                objects[index] = Apply(objects[index], deviation, random);
                touched.Add(index);
            }
            else
            {
                objects.Add(Apply(new SceneObject(deviation.Keyword.ToLowerInvariant(), null, 1), deviation, random));
                touched.Add(objects.Count - 1);
            }
        }
        for (var i = 0; i < objects.Count; i++)
        {
            if (touched.Contains(i) || profile.CountSlipRate <= 0 || objects[i].Asked is not { } asked) continue;
            var random = DeterministicRandom.For(seed, model, prompt, "slip", objects[i].Name);
            if (random.NextDouble() >= profile.CountSlipRate) continue;
            // One more or one fewer, as counting failures usually are; never below zero.
            var drawn = asked == 0 || random.NextDouble() < 0.5 ? asked + 1 : asked - 1;
            objects[i] = objects[i] with { Drawn = drawn };
        }
        return new Scene(model, prompt, objects);
    }

    private static SceneObject Apply(SceneObject o, SceneDeviation deviation, DeterministicRandom random) => deviation.Kind switch
    {
        DeviationKind.Absent => o with { Drawn = 0 },
        DeviationKind.Unsure => o with { Unsure = true },
        _ when deviation.Counts is { Count: > 0 } counts => o with { Drawn = counts[random.NextInt(counts.Count)] },
        _ => o,
    };
}
