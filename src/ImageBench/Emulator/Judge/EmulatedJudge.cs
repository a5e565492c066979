using ImageBench.Emulator.Randomness;
using ImageBench.Emulator.Scenes;
using ImageBench.Scoring.Judge;

namespace ImageBench.Emulator.Judge;

/// <summary>
/// Answers judge questions from the scene the emulator drew, not from pixels: an EMULATION for the offline demo,
/// never evidence about a model. Questions it cannot tie to the scene are answered "yes" (it assumes the rest was
/// drawn as asked); an image it did not draw gets "unsure" throughout.
/// </summary>
internal static class EmulatedJudge
{
    /// <summary>Share of answers turned to "unsure" as sampling noise, so repeated samples can disagree.</summary>
    public const double NoiseRate = 0.05;

    public const string Prefix = "Emulated judge: ";

    /// <param name="imageKey">The image's pixel key; with <paramref name="sample"/> it seeds the noise.</param>
    /// <param name="noiseRate">Share of answers turned to "unsure"; tests of the answering rules pass 0.</param>
    public static JudgeReply Answer(Scene? scene, IReadOnlyList<JudgeQuestion> questions, string imageKey, long sample, double noiseRate = NoiseRate)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (scene is null)
        {
            return new JudgeReply(
                Prefix + "this image was not drawn by this emulator, so it cannot tell what it shows; every answer is unsure.",
                questions.Select(q => new JudgeAnswer(q.Id, JudgeProtocol.Unsure)).ToList());
        }
        var answers = new List<JudgeAnswer>(questions.Count);
        var untied = 0;
        foreach (var q in questions)
        {
            var target = QuestionMatcher.Match(scene, q);
            if (target is null) untied++;
            var answer = target is null ? new JudgeAnswer(q.Id, JudgeProtocol.Yes) : AnswerFor(scene, q, target);
            answers.Add(WithNoise(answer, imageKey, q, sample, noiseRate));
        }
        var observation = $"{Prefix}the emulator drew {scene.Describe()}.";
        if (untied > 0)
            observation += $" {untied} question(s) matched nothing it drew on purpose and were answered yes: the emulated judge only knows what the emulator drew.";
        return new JudgeReply(observation, answers);
    }

    private static JudgeAnswer AnswerFor(Scene scene, JudgeQuestion q, SceneObject target)
    {
        if (target.Unsure) return new JudgeAnswer(q.Id, JudgeProtocol.Unsure, q.CountOf is null ? null : target.Drawn);
        if (!QuestionMatcher.IsCounting(q) || target.Asked is null)
            return new JudgeAnswer(q.Id, target.Drawn > 0 ? JudgeProtocol.Yes : JudgeProtocol.No, q.CountOf is null ? null : target.Drawn);
        var each = QuestionMatcher.PerEach(scene, q.Question, target);
        var asked = QuestionMatcher.AskedNumber(q.Question) ?? target.Asked.Value / each;
        var seen = target.Drawn / each;
        var right = asked * each == target.Drawn;
        return new JudgeAnswer(q.Id, right ? JudgeProtocol.Yes : JudgeProtocol.No, seen);
    }

    /// <summary>Deterministic: the same image, question and sample number always flip (or not) the same way.</summary>
    private static JudgeAnswer WithNoise(JudgeAnswer answer, string imageKey, JudgeQuestion q, long sample, double noiseRate) =>
        answer.Answer != JudgeProtocol.Unsure && DeterministicRandom.For(imageKey, q.Id, q.Question, sample, "judge-noise").NextDouble() < noiseRate
            ? answer with { Answer = JudgeProtocol.Unsure }
            : answer;
}
