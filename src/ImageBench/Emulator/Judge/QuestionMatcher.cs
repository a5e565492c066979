using ImageBench.Emulator.Scenes;
using ImageBench.Scoring.Judge;

namespace ImageBench.Emulator.Judge;

/// <summary>
/// Ties a judge question to the scene object it asks about. count_of wins when it names an object; otherwise a
/// deviation quality in the question ("serrated", "rainbow") wins over a plain object, because it is the more
/// specific claim; among objects the longest name found in the question wins, the full name beating its last word
/// ("Is there exactly one needle?" still finds "silver needle").
/// </summary>
internal static class QuestionMatcher
{
    public static SceneObject? Match(Scene scene, JudgeQuestion question)
    {
        if (question.CountOf is { } countOf && Best(scene.Objects, SceneWords.Normalized(countOf), bothWays: true) is { } named)
            return named;
        var words = SceneWords.Normalized(question.Question);
        return Best(scene.Objects.Where(o => o.Asked is null), words, bothWays: false)
               ?? Best(scene.Objects.Where(o => o.Asked is not null), words, bothWays: false);
    }

    /// <summary>The object with the best name match in <paramref name="words"/>; with <paramref name="bothWays"/> a name inside the words or the words inside a name both count.</summary>
    private static SceneObject? Best(IEnumerable<SceneObject> objects, string[] words, bool bothWays)
    {
        SceneObject? best = null;
        var bestScore = 0;
        foreach (var o in objects)
        {
            var name = SceneWords.Normalized(o.Name);
            var score = SceneWords.Contains(words, name) || (bothWays && SceneWords.Contains(name, words))
                ? 1000 + o.Name.Length
                : name.Length > 1 && SceneWords.Contains(words, [name[^1]]) ? name[^1].Length : 0;
            if (score > bestScore)
            {
                best = o;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>
    /// The number a counting question asks for: digits or a number word, or null when the question does not count
    /// ("exactly" without a number means the prompt's own count, which the caller supplies).
    /// </summary>
    public static int? AskedNumber(string question)
    {
        foreach (var token in SceneWords.Tokens(question))
        {
            if (SceneWords.Number(token) is { } n) return n;
        }
        return null;
    }

    public static bool IsCounting(JudgeQuestion question) =>
        question.CountOf is not null || AskedNumber(question.Question) is not null
        || question.Question.Contains("exactly", StringComparison.OrdinalIgnoreCase)
        || question.Question.Contains("how many", StringComparison.OrdinalIgnoreCase);

    /// <summary>"each hand" in the question: the drawn count of that other object, so "five fingers on each hand" compares 5 × 2 with 10.</summary>
    public static int PerEach(Scene scene, string question, SceneObject target)
    {
        var words = SceneWords.Normalized(question);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i] is not ("each" or "every" or "per")) continue;
            var owner = scene.Objects.FirstOrDefault(o => o != target && o.Drawn > 0
                && SceneWords.Normalized(o.Name) is { Length: > 0 } n && n[^1] == words[i + 1]);
            if (owner is not null) return owner.Drawn;
        }
        return 1;
    }
}
