using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Drafting;
using Microsoft.Extensions.AI;

namespace ImageBench.Tests.Scoring.Judge.Drafting;

public sealed class ChecklistDrafterTests
{
    private static readonly DateTimeOffset Drafted = new(2026, 11, 24, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_good_draft_prints_as_yaml_that_freezes_into_the_suite_as_the_same_items()
    {
        var suite = DraftFixtures.Load();
        var client = new ScriptedChatClient((call, _) => call == 0 ? DraftFixtures.GoodDraft : """{"items": [{"id": "lighthouse", "question": "Is there a lighthouse?", "capability": "Style Adherence"}]}""");

        var drafts = await new ChecklistDrafter(client, "openai:gpt-4.1-mini").DraftAsync(suite);
        var yaml = DraftYaml.ForSuite(suite, drafts, "openai:gpt-4.1-mini", Drafted);

        Assert.Equal([DraftSource.Drafted, DraftSource.Drafted], drafts.Select(d => d.Source));
        Assert.StartsWith("# Drafted by openai:gpt-4.1-mini (model scripted) on 2026-11-24 01:30 UTC: 2 drafted, 0 fell back", yaml, StringComparison.Ordinal);
        Assert.Contains("    # drafted by openai:gpt-4.1-mini; review before freezing\n", yaml, StringComparison.Ordinal);
        var frozen = DraftFixtures.Load(DraftFixtures.BlockOf(yaml, "flatlay"), DraftFixtures.BlockOf(yaml, "poster"));
        var flatlay = ChecklistBuilder.For(frozen.Prompts[0]);
        Assert.True(flatlay.Frozen);
        Assert.Equal(8, flatlay.Items.Count);
        Assert.Equal(Canon(drafts[0].Items), Canon(flatlay.Items));
        Assert.Equal(["croissant", "parchment"], flatlay.Items[3].DependsOn);
        Assert.Equal("croissant", flatlay.Items[1].CountOf);
        // The capability was written in another case; the draft and the frozen copy use the canonical name.
        Assert.Equal("style adherence", ChecklistBuilder.For(frozen.Prompts[1]).Items.Single().Capability);
    }

    [Fact]
    public async Task The_request_is_text_only_at_temperature_zero_in_json_mode_and_carries_the_prompt_and_the_derived_questions()
    {
        var suite = DraftFixtures.Load();
        var client = new ScriptedChatClient((_, _) => DraftFixtures.GoodDraft);

        await new ChecklistDrafter(client, "openai:x").DraftAsync(suite.Prompts[0]);

        var (messages, options) = Assert.Single(client.Requests);
        Assert.All(messages.SelectMany(m => m.Contents), c => Assert.IsType<TextContent>(c));
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal(0f, options!.Temperature);
        Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat);
        var user = messages[1].Text;
        Assert.Contains(DraftFixtures.FlatlayText, user, StringComparison.Ordinal);
        foreach (var derived in ChecklistBuilder.Derive(suite.Prompts[0].Expect).Items)
            Assert.Contains(derived.Question.Replace("\"", "\\\"", StringComparison.Ordinal), user, StringComparison.Ordinal);
        Assert.Contains("Are there exactly three croissants?", user, StringComparison.Ordinal);
        foreach (var capability in ChecklistCapabilities.Known) Assert.Contains(capability, user, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadDrafts => new()
    {
        { """{"items": [{"id": "a", "question": "A?", "depends_on": ["b"], "capability": "counting and composition"}, {"id": "b", "question": "B?", "depends_on": ["a"], "capability": "counting and composition"}]}""", "item 1 ('a'): dependency cycle: a → b → a" },
        { """{"items": [{"id": "a", "question": "A?", "capability": "vibes"}]}""", "item 1 ('a'): unknown capability 'vibes'" },
        { """{"items": [{"id": "a", "question": "A?", "capability": "style adherence"}, {"id": "b", "question": "B?", "depends_on": ["zz"], "capability": "style adherence"}]}""", "item 2 ('b'): checklist item 'b' depends on unknown id 'zz'" },
        { """{"items": [{"id": "a", "question": "A?", "capability": "style adherence"}, {"id": "a", "question": "B?", "capability": "style adherence"}]}""", "duplicate checklist id 'a' (first is item 1)" },
        { """{"items": [{"id": "a", "question": " ", "capability": "style adherence"}]}""", "'question' must be a non-empty string" },
        { """{"items": [{"question": "A?", "capability": "style adherence"}]}""", "item 1 of the draft has no \"id\"" },
        { """{"items": []}""", "the draft has no items" },
        { """{"questions": []}""", "no \"items\" array" },
        { "I'm sorry, I can't help with that.", "holds no JSON" },
        { "```json\n{\"items\": [{\"id\": \"a\",\n ]}\n```", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task An_unusable_draft_falls_back_to_the_derived_checklist_and_says_why(string reply, string reason)
    {
        var suite = DraftFixtures.Load();
        var drafts = await new ChecklistDrafter(new ScriptedChatClient((_, _) => reply), "openai:x").DraftAsync(suite);

        var flatlay = drafts[0];
        Assert.Equal(DraftSource.Fallback, flatlay.Source);
        Assert.Contains(reason, flatlay.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', flatlay.Reason!);
        Assert.Equal(Canon(ChecklistBuilder.Derive(suite.Prompts[0].Expect).Items), Canon(flatlay.Items));
        var yaml = DraftYaml.ForSuite(suite, drafts, "openai:x", Drafted);
        Assert.Contains("    # derived from expect: (the draft by openai:x was not used: ", yaml, StringComparison.Ordinal);
        Assert.Contains("0 drafted, 2 fell back", yaml, StringComparison.Ordinal);
        // The fallback still freezes: its block loads back as the derived questions.
        var frozen = DraftFixtures.Load(DraftFixtures.BlockOf(yaml, "flatlay"));
        Assert.Equal(Canon(ChecklistBuilder.Derive(suite.Prompts[0].Expect).Items), Canon(ChecklistBuilder.For(frozen.Prompts[0]).Items));
    }

    [Fact]
    public async Task A_provider_failure_falls_back_with_the_providers_words()
    {
        var suite = DraftFixtures.Load();
        var client = new ScriptedChatClient((_, _) => throw new HttpRequestException("503 Service Unavailable\nupstream overloaded"));

        var drafts = await new ChecklistDrafter(client, "gemini:gemini-2.5-flash").DraftAsync(suite);

        Assert.All(drafts, d => Assert.Equal(DraftSource.Fallback, d.Source));
        Assert.Equal("the call failed: 503 Service Unavailable upstream overloaded", drafts[1].Reason);
        Assert.Equal(2, client.Calls);
    }

    [Fact]
    public async Task Cancellation_is_passed_through_not_turned_into_a_fallback()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var client = new ScriptedChatClient((_, _) => throw new OperationCanceledException(cts.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ChecklistDrafter(client, "openai:x").DraftAsync(DraftFixtures.Load(), cts.Token));
    }

    [Fact]
    public async Task A_prompt_whose_checklist_is_already_frozen_is_kept_and_not_sent()
    {
        const string block = "      checklist:\n        - { id: egg, question: Is there an egg?, capability: counting and composition }\n";
        var suite = DraftFixtures.Load(flatlay: block);
        var client = new ScriptedChatClient((_, _) => DraftFixtures.GoodDraft);

        var drafts = await new ChecklistDrafter(client, "openai:x").DraftAsync(suite);

        Assert.Equal(DraftSource.Frozen, drafts[0].Source);
        Assert.Equal("Is there an egg?", Assert.Single(drafts[0].Items).Question);
        Assert.Equal(1, client.Calls);
        Assert.DoesNotContain("walnut", Assert.Single(client.Requests).Messages[1].Text, StringComparison.Ordinal);
    }

    private static List<(string, string, string, string, string?)> Canon(IEnumerable<ChecklistItem> items) =>
        [.. items.Select(i => (i.Id, i.Question, string.Join(",", i.DependsOn), i.Capability, i.CountOf))];
}
