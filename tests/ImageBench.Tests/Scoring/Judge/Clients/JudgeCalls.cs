using ImageBench.Scoring.Judge;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;

namespace ImageBench.Tests.Scoring.Judge.Clients;

/// <summary>A judge call exactly as the protocol prescribes: system prompt, then the image and the questions.</summary>
internal static class JudgeCalls
{
    public const string Secret = "sk-judge-SECRET-4f9a";

    public static readonly IReadOnlyList<JudgeQuestion> Questions =
    [
        new("q1", "Are there exactly 1 brown egg?", "brown egg"),
        new("q2", "Is there a linen napkin?"),
    ];

    /// <summary>The judge's JSON answer substituted into recorded envelopes (the envelopes never held one).</summary>
    public static readonly string Answer = JudgeProtocol.Format(new JudgeReply("three eggs on a cloth", [new("q1", "no", 3), new("q2", "no")]));

    public static readonly byte[] Png = TestImages.Png(8, 8);

    public static List<ChatMessage> Messages() =>
    [
        new(ChatRole.System, JudgeProtocol.SystemPrompt),
        new(ChatRole.User, [new DataContent(Png, "image/png"), new TextContent(JudgeProtocol.UserText(Questions))]),
    ];

    public static HttpClient Http(RecordedHandler handler) => new(handler) { Timeout = TimeSpan.FromSeconds(30) };
}
