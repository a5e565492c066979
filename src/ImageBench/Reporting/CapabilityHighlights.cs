using System.Globalization;

namespace ImageBench.Reporting;

/// <summary>
/// The "Best at" / "Worst at" cells of the dimension table, from per-capability scores (filled by scoring).
/// With several scored models a model is best at what it leads and worst at what it trails, as the article
/// compares; a lone model gets its top and bottom capabilities.
/// </summary>
public static class CapabilityHighlights
{
    public const string NotScored = "not scored yet";
    private const int MaxListed = 3;

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

        // Margin against the best (or worst) other model on the same capability; capabilities others lack are skipped.
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

    private static string List(IEnumerable<KeyValuePair<string, double>> items) =>
        Join(items.Select(kv => $"{kv.Key} ({Share(kv.Value)})"), "–");

    private static string Join(IEnumerable<string> parts, string empty)
    {
        var list = parts.ToList();
        return list.Count == 0 ? empty : string.Join(", ", list);
    }

    private static string Share(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
