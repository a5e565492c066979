using System.Globalization;

namespace ImageBench.Reporting;

/// <summary>
/// The "Best at" / "Worst at" cells of the dimension table. With counts (<see cref="CapabilityContest"/>) a model is
/// best at a capability only where it is the capability table's winner — Fisher's exact test separates it from every
/// other model at 5 % — and worst where it has the lowest share and the test separates it from the best; the two
/// tables never disagree. A lone model gets its top and bottom capabilities, since there is nothing to compare with.
/// </summary>
public static class CapabilityHighlights
{
    public const string NotScored = "not scored yet";
    public const string NoClearLead = "no clear lead";
    public const string NoClearWeakness = "no clear weakness";
    private const int MaxListed = 3;

    public static (string Best, string Worst) For(ReportModel model, IReadOnlyList<CapabilityContest> contests)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(contests);
        var mine = contests.Select(c => (Contest: c, Tally: c.TallyOf(model))).Where(x => x.Tally is not null)
            .Select(x => (x.Contest, Tally: x.Tally!.Value)).ToList();
        if (mine.Count == 0) return (NotScored, NotScored);
        var compared = mine.Where(x => x.Contest.Scored.Count > 1).ToList();
        if (compared.Count == 0)
        {
            var ranked = mine.OrderByDescending(x => x.Tally.Share).ThenBy(x => x.Contest.Capability, StringComparer.Ordinal).ToList();
            return (Join(ranked.Take(MaxListed).Select(Alone), "–"), Join(ranked.AsEnumerable().Reverse().Take(MaxListed).Select(Alone), "–"));
        }

        var wins = compared.Where(x => x.Contest.Winner?.Id == model.Id)
            .Select(x => (x.Contest.Capability, Mine: x.Tally, Other: x.Contest.Scored.Where(s => s.Model.Id != model.Id).MaxBy(s => s.Tally.Share).Tally))
            .OrderByDescending(x => x.Mine.Share - x.Other.Share).ThenBy(x => x.Capability, StringComparer.Ordinal)
            .Select(Against);
        var losses = compared.Where(x => !x.Contest.Level.Any(m => m.Id == model.Id) && x.Contest.Scored.All(s => s.Tally.Share >= x.Tally.Share))
            .Select(x => (x.Contest.Capability, Mine: x.Tally, Other: x.Contest.TallyOf(x.Contest.Level[0])!.Value))
            .OrderByDescending(x => x.Other.Share - x.Mine.Share).ThenBy(x => x.Capability, StringComparer.Ordinal)
            .Select(Against);
        return (Join(wins.Take(MaxListed), NoClearLead), Join(losses.Take(MaxListed), NoClearWeakness));
    }

    /// <summary>Shares without counts (callers that pass them directly): no test is possible, so they compare as they read.</summary>
    public static (string Best, string Worst) For(
        string model, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? scores)
    {
        if (scores is null || !scores.TryGetValue(model, out var mine) || mine.Count == 0) return (NotScored, NotScored);
        var others = scores.Where(kv => kv.Key != model && kv.Value.Count > 0).Select(kv => kv.Value).ToList();
        if (others.Count == 0)
        {
            var ranked = mine.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            return (List(ranked.Take(MaxListed)), List(ranked.AsEnumerable().Reverse().Take(MaxListed)));
        }

        var margins = mine
            .Select(kv => (kv.Key, kv.Value, Others: others.Where(o => o.ContainsKey(kv.Key)).Select(o => o[kv.Key]).ToList()))
            .Where(x => x.Others.Count > 0)
            .ToList();
        var leads = margins.Where(x => x.Value > x.Others.Max())
            .OrderByDescending(x => x.Value - x.Others.Max()).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => $"{x.Key} ({Share(x.Value)} vs {Share(x.Others.Max())})");
        var trails = margins.Where(x => x.Value < x.Others.Min())
            .OrderByDescending(x => x.Others.Min() - x.Value).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => $"{x.Key} ({Share(x.Value)} vs {Share(x.Others.Min())})");
        return (Join(leads.Take(MaxListed), "leads nowhere"), Join(trails.Take(MaxListed), "trails nowhere"));
    }

    private static string Alone((CapabilityContest Contest, Scoring.CheckTally Tally) x) =>
        $"{x.Contest.Capability} ({Share(x.Tally.Share)}, {Counts(x.Tally)})";

    private static string Against((string Capability, Scoring.CheckTally Mine, Scoring.CheckTally Other) x) =>
        $"{x.Capability} ({Counts(x.Mine)} vs {Counts(x.Other)})";

    private static string Counts(Scoring.CheckTally t) => $"{t.Passed} of {t.Checked}";

    private static string List(IEnumerable<KeyValuePair<string, double>> items) =>
        Join(items.Select(kv => $"{kv.Key} ({Share(kv.Value)})"), "–");

    private static string Join(IEnumerable<string> parts, string empty)
    {
        var list = parts.ToList();
        return list.Count == 0 ? empty : string.Join(", ", list);
    }

    private static string Share(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
