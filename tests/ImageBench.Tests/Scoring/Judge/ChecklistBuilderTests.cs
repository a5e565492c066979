using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Suites;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Scoring.Judge;

public sealed class ChecklistBuilderTests
{
    private static readonly Suite SeedSix = SuiteLoader.Load(RepoPaths.File("suites", "seed-six.yaml"));

    private static Checklist For(string promptId) => ChecklistBuilder.For(SeedSix.Prompts.Single(p => p.Id == promptId));

    private static ChecklistItem Item(Checklist c, string id) => c.Items.Single(i => i.Id == id);

    [Fact]
    public void The_egg_gets_a_presence_root_with_exact_count_and_placement_children()
    {
        var flatlay = For("bakery-flatlay");

        var egg = Item(flatlay, "obj5");
        Assert.Equal(("Is there a brown egg?", Capabilities.CountingAndComposition, (string?)null), (egg.Question, egg.Capability, egg.CountOf));
        Assert.Empty(egg.DependsOn);
        var count = Item(flatlay, "obj5.count");
        Assert.Equal("Is there exactly one brown egg?", count.Question);
        Assert.Equal(["obj5"], count.DependsOn);
        Assert.Equal("brown egg", count.CountOf);
        var place = Item(flatlay, "obj5.place");
        Assert.Equal("Is the brown egg in a linen napkin?", place.Question);
        Assert.Equal(["obj5"], place.DependsOn);
        Assert.Null(place.CountOf);
        Assert.False(flatlay.Frozen);
    }

    [Fact]
    public void Counts_use_number_words_and_plurals_and_placements_read_as_english()
    {
        var flatlay = For("bakery-flatlay");
        Assert.Equal("Is there a croissant?", Item(flatlay, "obj1").Question);
        Assert.Equal("Are there exactly three croissants?", Item(flatlay, "obj1.count").Question);
        Assert.Equal("Are the croissants on parchment?", Item(flatlay, "obj1.place").Question);
        Assert.Equal("Is there scattered flour?", Item(flatlay, "obj7").Question);
        Assert.Equal("Is there exactly one sprig of rosemary?", Item(flatlay, "obj4.count").Question);
        Assert.Equal("Are there exactly four autumn maple trees?", Item(For("pixel-cottage"), "obj2.count").Question);
        Assert.Equal("Is the watercolor coffee cup in the lower right?", Item(For("coffee-poster"), "obj1.place").Question);
        Assert.Equal("Are the soot streaks on the cheek?", Item(For("blacksmith-portrait"), "obj2.place").Question);
        Assert.Equal("Are there soot streaks?", Item(For("blacksmith-portrait"), "obj2").Question);
        Assert.Equal("Is there an adult hand?", Item(For("hands-needle"), "obj1").Question);
        Assert.Equal("Are there exactly two adult hands?", Item(For("hands-needle"), "obj1.count").Question);
    }

    [Theory]
    [InlineData("sprig of rosemary", 2, "Are there exactly two sprigs of rosemary?")]
    [InlineData("berry", 5, "Are there exactly five berries?")]
    [InlineData("glass", 3, "Are there exactly three glasses?")]
    [InlineData("peach", 15, "Are there exactly 15 peaches?")]
    [InlineData("candle", 0, "Is the image free of any candles?")]
    public void Count_questions(string name, int count, string question)
    {
        var items = ChecklistBuilder.Derive(new Expectations { Objects = [new ObjectExpectation(name, count)] }).Items;
        Assert.Equal(question, items.Single(i => i.CountOf == name).Question);
    }

    [Fact]
    public void Lighting_style_action_and_checks_speak_for_their_capabilities()
    {
        var portrait = For("blacksmith-portrait");
        Assert.Equal(Capabilities.PortraitsAndLighting, Item(portrait, "lighting").Capability);
        Assert.StartsWith("Does the lighting match \"single soft key light from camera-left", Item(portrait, "lighting").Question, StringComparison.Ordinal);
        Assert.Equal(Capabilities.StyleAdherence, Item(portrait, "style").Capability);

        var hands = For("hands-needle");
        Assert.Equal("Does the image show this action: the thread is being passed through the eye of the one needle?", Item(hands, "action").Question);
        Assert.Equal(Capabilities.HandsAndAction, Item(hands, "action").Capability);
        Assert.Equal("Does each hand have exactly five fingers?", Item(hands, "check1").Question);
        Assert.Equal(Capabilities.HandsAndAction, Item(hands, "check1").Capability);

        Assert.Equal(Capabilities.StyleAdherence, Item(For("pixel-cottage"), "check1").Capability);
        Assert.Equal(Capabilities.TextRendering, Item(For("coffee-poster"), "check1").Capability);
        Assert.Equal(Capabilities.CountingAndComposition, Item(For("dewdrop-macro"), "check1").Capability);
    }

    [Fact]
    public void Ids_are_unique_parents_come_first_and_derivation_is_deterministic()
    {
        foreach (var prompt in SeedSix.Prompts)
        {
            var items = ChecklistBuilder.For(prompt).Items;
            Assert.NotEmpty(items);
            Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
            for (var i = 0; i < items.Count; i++)
                Assert.All(items[i].DependsOn, p => Assert.Contains(p, items.Take(i).Select(x => x.Id)));
            Assert.Equal(items.Select(i => i.Question), ChecklistBuilder.For(prompt).Items.Select(i => i.Question));
        }
        Assert.Equal(["obj1", "obj1.count", "obj1.place", "obj2", "lighting", "style", "check1", "check2"], For("dewdrop-macro").Items.Select(i => i.Id));
    }

    [Fact]
    public void A_frozen_checklist_is_asked_verbatim()
    {
        var frozen = new ChecklistItem("eggs", "Do you see one egg?", [], Capabilities.CountingAndComposition, "egg");
        var expect = new Expectations { Objects = [new ObjectExpectation("egg", 1)], Checklist = [frozen] };

        var checklist = ChecklistBuilder.For(expect);

        Assert.True(checklist.Frozen);
        Assert.Equal([frozen], checklist.Items);
        Assert.NotEqual(checklist.Hash(), ChecklistBuilder.Derive(expect).Hash());
    }

    [Fact]
    public void Text_only_expectations_give_the_judge_nothing_to_ask()
    {
        Assert.Empty(ChecklistBuilder.Derive(new Expectations { Text = [new TextExpectation("OPEN")] }).Items);
    }
}
