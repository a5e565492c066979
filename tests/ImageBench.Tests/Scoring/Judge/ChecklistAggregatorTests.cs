using CsCheck;
using ImageBench.Scoring;
using ImageBench.Scoring.Judge;

namespace ImageBench.Tests.Scoring.Judge;

public sealed class ChecklistAggregatorTests
{
    private const string C = Capabilities.CountingAndComposition;

    private static readonly Checklist Eggs = new(
    [
        new ChecklistItem("egg", "Is there an egg?", [], C),
        new ChecklistItem("egg.count", "Is there exactly one egg?", ["egg"], C, "egg"),
        new ChecklistItem("egg.place", "Is the egg in a napkin?", ["egg"], C),
        new ChecklistItem("light", "Is it lit from the left?", [], Capabilities.PortraitsAndLighting),
    ], Frozen: false);

    private static JudgeReply Reply(params (string Id, string Answer, int? Count)[] answers) =>
        new("seen", answers.Select(a => new JudgeAnswer(a.Id, a.Answer, a.Count)).ToList());

    private static ItemVerdict Of(ChecklistVerdict v, string id) => v.Items.Single(i => i.Item.Id == id);

    [Fact]
    public void Majority_decides_and_agreement_is_the_majority_share()
    {
        var v = ChecklistAggregator.Aggregate(Eggs,
        [
            Reply(("egg", "yes", null), ("egg.count", "yes", 1), ("egg.place", "no", null), ("light", "yes", null)),
            Reply(("egg", "yes", null), ("egg.count", "no", 2), ("egg.place", "no", null), ("light", "no", null)),
            Reply(("egg", "yes", null), ("egg.count", "yes", 1), ("egg.place", "yes", null), ("light", "unsure", null)),
        ]);

        Assert.Equal(("yes", 1.0), (Of(v, "egg").Answer, Of(v, "egg").Agreement));
        Assert.Equal(("yes", 2 / 3.0, 2, 1, 0), (Of(v, "egg.count").Answer, Of(v, "egg.count").Agreement, Of(v, "egg.count").Yes, Of(v, "egg.count").No, Of(v, "egg.count").Unsure));
        Assert.Equal("no", Of(v, "egg.place").Answer);
        Assert.Equal(("unsure", 1 / 3.0), (Of(v, "light").Answer, Of(v, "light").Agreement));
        Assert.Equal(0.5, v.Dsg, 9);
        Assert.Equal((1 + 2 / 3.0 + 2 / 3.0 + 1 / 3.0) / 4, v.Agreement, 9);
        Assert.Equal(1, v.UnsureCount);
        Assert.False(v.Passed);
    }

    [Fact]
    public void A_tie_is_unsure_and_scores_zero()
    {
        var v = ChecklistAggregator.Aggregate(Eggs, [Reply(("egg", "yes", null), ("light", "yes", null)), Reply(("egg", "no", null), ("light", "yes", null))]);

        Assert.Equal(("unsure", 0.5), (Of(v, "egg").Answer, Of(v, "egg").Agreement));
        Assert.Equal(0.0, Of(v, "egg").Score);
        // Unanswered items are "unsure" votes, and an unsure parent does not zero its children.
        Assert.Equal(("unsure", 2), (Of(v, "egg.count").Answer, Of(v, "egg.count").Unsure));
        Assert.Equal(0.25, v.Dsg, 9);
    }

    [Fact]
    public void A_child_of_a_no_scores_zero_whatever_the_judge_said_of_it()
    {
        var nested = new Checklist([.. Eggs.Items, new ChecklistItem("egg.count.brown", "Is that one egg brown?", ["egg.count"], C)], false);
        var yesToAllButEgg = Reply(("egg", "no", null), ("egg.count", "yes", 1), ("egg.place", "yes", null), ("light", "yes", null), ("egg.count.brown", "yes", null));

        var v = ChecklistAggregator.Aggregate(nested, [yesToAllButEgg, yesToAllButEgg, yesToAllButEgg]);

        Assert.Equal("no", Of(v, "egg").Answer);
        Assert.Equal((ChecklistAggregator.ParentNo, "yes"), (Of(v, "egg.count").Answer, Of(v, "egg.count").Judged));
        Assert.Equal(ChecklistAggregator.ParentNo, Of(v, "egg.place").Answer);
        Assert.Equal(ChecklistAggregator.ParentNo, Of(v, "egg.count.brown").Answer);
        Assert.Equal("yes", Of(v, "light").Answer);
        Assert.Equal(0.2, v.Dsg, 9);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 3 }, 3.0)]
    [InlineData(new[] { 4, 1, 9 }, 4.0)]
    [InlineData(new[] { 2, 5 }, 3.5)]
    public void The_count_is_the_median_of_the_samples_counts(int[] counts, double median)
    {
        var v = ChecklistAggregator.Aggregate(Eggs, [.. counts.Select(c => Reply(("egg", "yes", null), ("egg.count", c == 1 ? "yes" : "no", c)))]);

        Assert.Equal(counts, Of(v, "egg.count").Counts);
        Assert.Equal(median, Of(v, "egg.count").Count);
        Assert.Null(Of(v, "egg").Count);
    }

    [Fact]
    public void Score_stays_in_range_and_no_child_of_a_no_is_ever_yes()
    {
        string[] names = ["yes", "no", "unsure", "missing"];
        var answer = Gen.Int[0, 3].Select(i => names[i]);
        var checklists = Gen.Int[1, 8].SelectMany(n => Gen.Int[0, 1000].Array[n].Select(seeds => new Checklist(
            [.. seeds.Select((s, i) => new ChecklistItem($"i{i}", "q", i == 0 ? [] : [.. Enumerable.Range(0, i).Where(p => (s >> p) % 3 == 0).Select(p => $"i{p}")], C, s % 2 == 0 ? "x" : null))], false)));
        Gen.Select(checklists, answer.Array[8].Array[1, 5], Gen.Int[0, 20].Array[8]).Sample((checklist, samples, counts) =>
        {
            var replies = samples.Select(s => new JudgeReply("o", [.. checklist.Items.Select((item, i) => (item, a: s[i], i)).Where(x => x.a != "missing").Select(x => new JudgeAnswer(x.item.Id, x.a, counts[x.i]))])).ToList();
            var v = ChecklistAggregator.Aggregate(checklist, replies);

            Assert.InRange(v.Dsg, 0.0, 1.0);
            Assert.InRange(v.Agreement, 1 / 3.0, 1.0);
            var final = v.Items.ToDictionary(i => i.Item.Id, i => i.Answer);
            foreach (var item in v.Items)
            {
                Assert.Equal(item.Yes + item.No + item.Unsure, replies.Count);
                if (item.Item.DependsOn.Any(p => final[p] is "no" or ChecklistAggregator.ParentNo))
                    Assert.Equal((ChecklistAggregator.ParentNo, 0.0), (item.Answer, item.Score));
            }
            Assert.Equal(v.Passed, v.Dsg == 1.0);
        });
    }
}
