using System.Text;
using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;

namespace ImageBench.Tests.Scoring.Judge;

public sealed class ChecklistJudgeTests
{
    private static readonly Expectations Eggs = new()
    {
        Objects = [new ObjectExpectation("brown egg", 1, "in a linen napkin")],
        Lighting = "soft window light",
    };

    private static ScoringImage Image(byte[]? bytes = null) => ScoringImage.Load(bytes ?? TestImages.Png(24, 16), out _)!;

    private static string Answers(string egg, string count, string place, string light, int? seen = 1, string observation = "an egg") =>
        JudgeProtocol.Format(new JudgeReply(observation, [new("obj1", egg), new("obj1.count", count, seen), new("obj1.place", place), new("lighting", light)]));

    [Fact]
    public async Task Sends_the_png_and_the_questions_at_temperature_zero_once_per_sample()
    {
        var client = ScriptedChatClient.AllYes();
        var result = await new ChecklistJudge(client, "fake:judge", samples: 3).ScoreAsync(Image(), Eggs, CancellationToken.None);

        Assert.Equal(3, client.Calls);
        var (messages, options) = client.Requests[0];
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal(JudgeProtocol.SystemPrompt, messages[0].Text);
        var image = Assert.IsType<DataContent>(messages[1].Contents[0]);
        Assert.Equal("image/png", image.MediaType);
        var sent = ScoringImage.Load(image.Data.ToArray(), out _)!;
        Assert.Equal((24, 16, "png"), (sent.Width, sent.Height, sent.Facts.Format));
        var questions = JudgeProtocol.QuestionsIn(Assert.IsType<TextContent>(messages[1].Contents[1]).Text)!;
        Assert.Equal(["obj1", "obj1.count", "obj1.place", "lighting"], questions.Select(q => q.Id));
        Assert.Equal("brown egg", questions[1].CountOf);
        Assert.Equal(0f, options!.Temperature);
        Assert.Same(ChatResponseFormat.Json, options.ResponseFormat);

        Assert.Equal(("judge", true, null), (result.Scorer, result.Passed, result.Error));
        Assert.Equal(1.0, result.Metrics["dsg"]);
        Assert.Equal(1.0, result.Metrics["agreement"]);
        Assert.Equal((0.0, 4.0), (result.Metrics["unsure"], result.Metrics["items"]));
        Assert.False(result.Metrics.ContainsKey("input_tokens"));
        Assert.Equal("fake:judge", (string?)result.Details["judge"]);
        Assert.Equal(3, (int)result.Details["samples"]!);
        Assert.Equal(3, result.Details["raw"]!.AsArray().Count);
        Assert.Equal(1.0, (double)result.Details["capabilities"]![Capabilities.PortraitsAndLighting]!["score"]!);
    }

    [Fact]
    public async Task The_judge_sees_pixels_not_metadata_naming_the_model()
    {
        var client = ScriptedChatClient.AllYes();
        var tagged = WithTextChunk(TestImages.Png(16, 16), "Software", "gpt-image-1 by SomeLab");

        await new ChecklistJudge(client, "fake", samples: 1).ScoreAsync(Image(tagged), Eggs, CancellationToken.None);

        Assert.Contains("gpt-image-1", Encoding.Latin1.GetString(tagged), StringComparison.Ordinal);
        var png = ((DataContent)client.Requests[0].Messages[1].Contents[0]).Data.ToArray();
        Assert.DoesNotContain("gpt-image-1", Encoding.Latin1.GetString(png), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Votes_counts_dependency_zeroing_and_tokens_reach_the_result()
    {
        string[] replies = [Answers("no", "yes", "yes", "yes", seen: 0), Answers("no", "yes", "no", "yes", seen: 2), Answers("yes", "yes", "yes", "unsure", seen: 1)];
        var client = new ScriptedChatClient((call, _) => replies[call]) { Usage = (1000, 50) };

        var result = await new ChecklistJudge(client, "fake", samples: 3).ScoreAsync(Image(), Eggs, CancellationToken.None);

        Assert.False(result.Passed);
        var items = result.Details["items"]!.AsArray();
        Assert.Equal("no", (string?)items[0]!["answer"]);
        Assert.Equal(2, (int)items[0]!["votes"]!["no"]!);
        Assert.Equal(ChecklistAggregator.ParentNo, (string?)items[1]!["answer"]);
        Assert.Equal("yes", (string?)items[1]!["judged"]);
        Assert.Equal([0, 2, 1], items[1]!["counts"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(1.0, (double)items[1]!["count"]!);
        Assert.Equal("brown egg", (string?)items[1]!["count_of"]);
        Assert.Null(items[0]!["count_of"]);
        Assert.Equal(["obj1"], items[2]!["depends_on"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(0.25, result.Metrics["dsg"], 9);
        Assert.Equal((3000.0, 150.0), (result.Metrics["input_tokens"], result.Metrics["output_tokens"]));
        Assert.False((bool)result.Details["capabilities"]![Capabilities.CountingAndComposition]!["passed"]!);
        Assert.Contains("no: Is there a brown egg?", ImageBench.Reporting.JudgeLines.Summary(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_that_does_not_parse_is_recorded_and_left_out_of_the_majority()
    {
        string[] replies = [Answers("yes", "yes", "yes", "yes"), "I'm sorry, I can't look at images.", Answers("yes", "yes", "yes", "yes")];
        var client = new ScriptedChatClient((call, _) => replies[call]);

        var result = await new ChecklistJudge(client, "fake").ScoreAsync(Image(), Eggs, CancellationToken.None);

        Assert.True(result.Passed);
        Assert.Equal(1.0, result.Metrics["agreement"]);
        Assert.Equal(1.0, result.Metrics["failed_samples"]);
        Assert.Equal(2, (int)result.Details["items"]![0]!["votes"]!["yes"]!);
        Assert.Equal(replies[1], (string?)result.Details["raw"]![1]);
        Assert.Null(result.Details["observations"]![1]);
        var error = result.Details["errors"]!.AsArray().Single()!;
        Assert.Equal(1, (int)error["sample"]!);
        Assert.Contains("no JSON object", (string?)error["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_garbage_is_a_failed_result_with_the_raw_replies_not_an_exception()
    {
        var client = new ScriptedChatClient((call, _) => call == 0 ? "{\"verdict\": \"nice\"}" : "{\"answers\": [{\"id\": \"other\", \"answer\": \"yes\"}]}");

        var result = await new ChecklistJudge(client, "fake").ScoreAsync(Image(), Eggs, CancellationToken.None);

        Assert.Null(result.Passed);
        Assert.Contains("no judge sample could be used (3 of 3 failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("no \"answers\" array", result.Error, StringComparison.Ordinal);
        Assert.Equal(3, result.Details["raw"]!.AsArray().Count);
        Assert.Contains("answers none of the questions", result.Details["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(result.Metrics);
    }

    [Fact]
    public async Task A_provider_that_throws_is_a_recorded_failure()
    {
        var client = new ScriptedChatClient((_, _) => throw new HttpRequestException("503 Service Unavailable"));

        var result = await new ChecklistJudge(client, "fake", samples: 2).ScoreAsync(Image(), Eggs, CancellationToken.None);

        Assert.Contains("HttpRequestException: 503 Service Unavailable", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Details["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Cancellation_is_not_swallowed()
    {
        using var cts = new CancellationTokenSource();
        var client = new ScriptedChatClient((_, _) => { cts.Cancel(); throw new OperationCanceledException(cts.Token); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ChecklistJudge(client, "fake").ScoreAsync(Image(), Eggs, cts.Token));
    }

    [Fact]
    public void The_cache_key_follows_the_judge_the_samples_and_the_checklist()
    {
        var judge = new ChecklistJudge(ScriptedChatClient.AllYes(), "openai:gpt-4.1-mini");
        var key = ScoreKey.For("sha", judge, Eggs);

        Assert.NotEqual(key, ScoreKey.For("sha", new ChecklistJudge(ScriptedChatClient.AllYes(), "gemini:flash"), Eggs));
        Assert.NotEqual(key, ScoreKey.For("sha", new ChecklistJudge(ScriptedChatClient.AllYes(), "openai:gpt-4.1-mini", samples: 5), Eggs));
        Assert.NotEqual(key, ScoreKey.For("sha", judge, Eggs with { Lighting = "hard noon sun" }));
        Assert.NotEqual(key, ScoreKey.For("sha", judge, Eggs with { Checks = ["Is the egg brown?"] }));
        // Text the judge does not ask about leaves its key alone.
        Assert.Equal(key, ScoreKey.For("sha", judge, Eggs with { Text = [new TextExpectation("OPEN")] }));
        Assert.False(judge.AppliesTo(new Expectations { Text = [new TextExpectation("OPEN")] }));
    }

    [Fact]
    public void A_free_checks_capability_moves_with_the_prompts_tags_and_so_does_the_key()
    {
        var judge = new ChecklistJudge(ScriptedChatClient.AllYes(), "j");
        var withChecks = Eggs with { Checks = ["Is the egg brown?"] };

        Assert.NotEqual(judge.ExpectationsHash(withChecks with { Tags = ["hands"] }), judge.ExpectationsHash(withChecks with { Tags = ["style"] }));
    }

    /// <summary>Inserts a tEXt chunk after IHDR (as tools that tag their output do).</summary>
    private static byte[] WithTextChunk(byte[] png, string key, string value)
    {
        var data = Encoding.Latin1.GetBytes(key + "\0" + value);
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes("tEXt").CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        const int afterIhdr = 8 + 25;
        return [.. png[..afterIhdr], .. chunk, .. png[afterIhdr..]];
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
