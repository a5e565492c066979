namespace ImageBench.Scoring.Judge;

/// <summary>
/// Combines several judge samples into one verdict per item: majority vote (a tie is "unsure"), agreement, the
/// median count, then the DSG dependency rule — an item whose parent's final answer is "no" scores 0, because
/// "are there exactly three croissants?" means nothing once the judge saw no croissant.
/// </summary>
public static class ChecklistAggregator
{
    public const string ParentNo = "no (parent no)";

    /// <param name="replies">The samples that parsed (at least one). An item a reply leaves unanswered is an "unsure" vote.</param>
    public static ChecklistVerdict Aggregate(Checklist checklist, IReadOnlyList<JudgeReply> replies)
    {
        if (replies.Count == 0) throw new ArgumentException("at least one parsed reply is needed", nameof(replies));
        var answered = replies.Select(r => r.Answers.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).ToList();
        var judged = new Dictionary<string, ItemVerdict>(StringComparer.Ordinal);
        foreach (var item in checklist.Items)
        {
            var votes = answered.Select(a => a.TryGetValue(item.Id, out var x) ? x : null).ToList();
            int yes = votes.Count(v => v?.Answer == JudgeProtocol.Yes), no = votes.Count(v => v?.Answer == JudgeProtocol.No);
            var unsure = votes.Count - yes - no;
            var top = Math.Max(yes, Math.Max(no, unsure));
            var tied = (yes == top ? 1 : 0) + (no == top ? 1 : 0) + (unsure == top ? 1 : 0) > 1;
            var majority = tied ? JudgeProtocol.Unsure : yes == top ? JudgeProtocol.Yes : no == top ? JudgeProtocol.No : JudgeProtocol.Unsure;
            var counts = item.CountOf is null ? [] : votes.Where(v => v?.Count is not null).Select(v => v!.Count!.Value).ToList();
            judged.TryAdd(item.Id, new ItemVerdict(item, majority, majority, yes, no, unsure, (double)top / votes.Count, counts, Median(counts)));
        }
        var final = new Dictionary<string, string>(StringComparer.Ordinal);
        return new ChecklistVerdict(checklist.Items.Select(i => judged[i.Id] with { Answer = Final(i.Id, judged, final, []) }).ToList());
    }

    /// <summary>The item's answer after its ancestors: parents are scored first whatever order the items came in; a cycle's back edge is ignored.</summary>
    private static string Final(string id, Dictionary<string, ItemVerdict> judged, Dictionary<string, string> final, HashSet<string> visiting)
    {
        if (final.TryGetValue(id, out var known)) return known;
        visiting.Add(id);
        var verdict = judged[id];
        var answer = verdict.Judged;
        foreach (var parent in verdict.Item.DependsOn)
        {
            if (!judged.ContainsKey(parent) || visiting.Contains(parent)) continue;
            if (Final(parent, judged, final, visiting) is JudgeProtocol.No or ParentNo) answer = ParentNo;
        }
        visiting.Remove(id);
        final[id] = answer;
        return answer;
    }

    public static double? Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
