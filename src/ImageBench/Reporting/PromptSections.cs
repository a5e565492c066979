using ImageBench.Attempts;
using ImageBench.Scoring;
using ImageBench.Suites;

namespace ImageBench.Reporting;

/// <summary>The per-prompt part of a report: suite order, then prompts only the attempts know.</summary>
public static class PromptSections
{
    internal static IReadOnlyList<PromptSection> Build(IReadOnlyList<Attempt> attempts, Suite? suite, IReadOnlyList<ReportModel> models, RunScores? scores = null)
    {
        var specs = suite?.Prompts ?? [];
        var ids = specs.Select(p => p.Id).Concat(attempts.Select(a => a.PromptId)).Distinct(StringComparer.Ordinal);
        var modelOrder = models.Select(m => m.Id).ToList();
        return ids.Select(id =>
        {
            var spec = specs.FirstOrDefault(p => p.Id == id);
            var entries = attempts.Where(a => a.PromptId == id)
                .OrderBy(a => modelOrder.IndexOf(a.Model)).ThenBy(a => a.Repeat)
                .Select(a => Entry(a, models.First(m => m.Id == a.Model).Name, scores?.For(a.Model, a.PromptId, a.Repeat)))
                .ToList();
            return new PromptSection(id, spec?.Text, spec is null ? [] : ExpectationLines.Of(spec.Expect), entries)
            {
                Read = PromptReads.Of(id, spec?.Expect, models, scores),
                Tags = spec?.Tags ?? [],
            };
        }).ToList();
    }

    /// <summary>Says that the provider sent more than asked and how the call's cost was split; names unusable extras.</summary>
    internal static string? ImagesNote(Attempt a)
    {
        if (a.Outcome != AttemptOutcome.Ok || a.ImagesReturned <= 1) return null;
        var note = $"{a.ImagesReturned} images returned for the 1 asked: "
            + (a.CostUsd is { } cost ? $"{ReportFormat.Usd(cost)} for the call, {ReportFormat.Usd(cost / a.ImagesReturned)} per image" : "no cost figure");
        var unusable = a.ExtraImages.Select((x, i) => (x, n: i + 2)).Where(p => p.x.ImagePath is null).Select(p => $"image {p.n} unusable: {p.x.Problem}");
        return string.Join("; ", [note, .. unusable]);
    }

    /// <summary>One attempt as a report shows it; live pages use it for attempts as they land.</summary>
    public static PromptEntry Entry(Attempt a, string modelName, AttemptScores? scores)
    {
        ArgumentNullException.ThrowIfNull(a);
        var ok = a.Outcome == AttemptOutcome.Ok;
        var verdicts = scores?.Verdicts.ToList() ?? [];
        var passed = verdicts.Count(r => r.Passed == true);
        return new PromptEntry(
            a.Model,
            modelName,
            a.Repeat,
            a.Outcome,
            ReportFormat.Duration(a.LatencyMs),
            ok ? a.ImagePath : null,
            a.Image is { } i ? $"{i.Format.ToUpperInvariant()} · {i.Width}×{i.Height} · {ReportFormat.Bytes(i.Bytes)}" : null,
            a.RevisedPrompt,
            ok ? null : a.Reason ?? a.Outcome.ToWire(),
            a.Retries.Count)
        {
            Checks = CheckLines.Of(scores),
            Cost = a.CostUsd is { } cost ? $"{ReportFormat.Usd(cost)} ({a.CostSource})" : null,
            Width = ok ? a.Image?.Width : null,
            Height = ok ? a.Image?.Height : null,
            Verdict = !ok || a.ImagePath is null ? ShotVerdict.NoImage
                : verdicts.Count == 0 ? ShotVerdict.NotScored
                : passed == verdicts.Count ? ShotVerdict.Passed : ShotVerdict.Failed,
            ChecksPassed = passed,
            ChecksMade = verdicts.Count,
            Seed = a.Seed,
            ImagesNote = ImagesNote(a),
            ExtraImagePaths = ok ? a.ExtraImages.Where(x => x.ImagePath is not null).Select(x => x.ImagePath!).ToList() : [],
        };
    }
}
