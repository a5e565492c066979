using System.Runtime.CompilerServices;
using ImageBench.Scoring.Judge;
using Microsoft.Extensions.AI;

namespace ImageBench.Tests.Scoring.Judge;

/// <summary>A fake judge: answers each call with a script (call number, questions asked) and counts the calls.</summary>
internal sealed class ScriptedChatClient(Func<int, IReadOnlyList<JudgeQuestion>, string> script) : IChatClient
{
    private int _calls;
    public int Calls => Volatile.Read(ref _calls);
    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];
    public (long In, long Out)? Usage { get; init; }

    /// <summary>Answers every question "yes", counting <paramref name="count"/> where a count is asked.</summary>
    public static ScriptedChatClient AllYes(int count = 1) => new((_, questions) => JudgeProtocol.Format(new JudgeReply("looks right",
        [.. questions.Select(q => new JudgeAnswer(q.Id, JudgeProtocol.Yes, q.CountOf is null ? null : count))])));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var call = Interlocked.Increment(ref _calls) - 1;
        lock (Requests) Requests.Add((list, options));
        var text = list.SelectMany(m => m.Contents).OfType<TextContent>().Select(t => JudgeProtocol.QuestionsIn(t.Text)).FirstOrDefault(q => q is not null) ?? [];
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, script(call, text))) { ModelId = "scripted" };
        if (Usage is { } u) response.Usage = new UsageDetails { InputTokenCount = u.In, OutputTokenCount = u.Out };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var u in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates()) yield return u;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;
    public void Dispose() { }
}
