using CsCheck;
using ImageBench.Scoring.Judge;

namespace ImageBench.Tests.Scoring.Judge;

public sealed class JudgeProtocolTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["ab \"{}[]<>\\\n:é鸡"], 1, 30];

    [Fact]
    public void Questions_survive_the_prompt_whatever_their_text()
    {
        Gen.Select(Text, Text, Gen.Bool).Array[1, 6].Sample(items =>
        {
            var questions = items.Select((x, i) => new JudgeQuestion($"q{i}", x.Item1, x.Item3 ? x.Item2 : null)).ToList();
            Assert.Equal(questions, JudgeProtocol.QuestionsIn(JudgeProtocol.UserText(questions)));
        });
    }

    [Fact]
    public void A_formatted_reply_parses_back()
    {
        var reply = new JudgeReply("three eggs on a cloth", [new("q1", "no", 3), new("q2", "yes"), new("q3", "unsure")]);
        var parsed = JudgeProtocol.Parse(JudgeProtocol.Format(reply), out var error);
        Assert.Null(error);
        Assert.Equal(reply.Observation, parsed!.Observation);
        Assert.Equal(reply.Answers, parsed.Answers);
    }

    [Fact]
    public void Fenced_json_with_prose_and_odd_answers_is_read_leniently()
    {
        const string text = "Sure! Here is my check:\n```json\n{\"observation\": \"a bench\", \"answers\": [{\"id\": \"q1\", \"answer\": \"Yes\"}, {\"id\": \"q2\", \"answer\": \"maybe\", \"count\": \"4\"}, {\"id\": \"q3\", \"answer\": false}]}\n```";
        var parsed = JudgeProtocol.Parse(text, out var error);
        Assert.Null(error);
        Assert.Equal([new JudgeAnswer("q1", "yes"), new JudgeAnswer("q2", "unsure", 4), new JudgeAnswer("q3", "no")], parsed!.Answers);
    }

    [Theory]
    [InlineData("I cannot help with that.", "no JSON object")]
    [InlineData("{\"observation\": \"x\"}", "no \"answers\" array")]
    [InlineData("{\"answers\": [ {\"id\": }", "not valid JSON")]
    public void Garbage_gives_a_reason_not_an_exception(string text, string reason)
    {
        Assert.Null(JudgeProtocol.Parse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Text_without_the_markers_carries_no_questions() =>
        Assert.Null(JudgeProtocol.QuestionsIn("Describe this image."));
}
