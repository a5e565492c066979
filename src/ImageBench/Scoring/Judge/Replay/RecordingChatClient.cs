using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Replay;

/// <summary>
/// Passes judge calls to a real client and appends what it answered (or how it failed) to a JSON lines file that
/// <see cref="ReplayChatClient"/> replays. Thread-safe: lines are appended whole, one at a time.
/// </summary>
public sealed class RecordingChatClient(IChatClient inner, string path) : DelegatingChatClient(inner)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _write = new(1, 1);

    public string Path { get; } = path;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var (key, sample) = Next(list);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            await AppendAsync(Record(key, sample) with { Error = $"{e.GetType().Name}: {e.Message}" }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await AppendAsync(Of(key, sample, response), cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>Streams through unchanged and records the whole reply once it has ended.</summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var (key, sample) = Next(list);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }
        await AppendAsync(Of(key, sample, updates.ToChatResponse()), cancellationToken).ConfigureAwait(false);
    }

    private (ChatRequestKey Key, int Sample) Next(IReadOnlyList<ChatMessage> messages)
    {
        var key = ChatRequestKey.Of(messages);
        lock (_lock)
        {
            var sample = _seen.GetValueOrDefault(key.Hash);
            _seen[key.Hash] = sample + 1;
            return (key, sample);
        }
    }

    private static JudgeRecord Record(ChatRequestKey key, int sample) => new(key.Hash, sample, key.ImageSha256, key.QuestionIds);

    private static JudgeRecord Of(ChatRequestKey key, int sample, ChatResponse response) =>
        Record(key, sample) with
        {
            Model = response.ModelId,
            Text = response.Text,
            InputTokens = response.Usage?.InputTokenCount,
            OutputTokens = response.Usage?.OutputTokenCount,
        };

    private async Task AppendAsync(JudgeRecord record, CancellationToken ct)
    {
        await _write.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(Path, record.ToJsonLine() + "\n", ct).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _write.Dispose();
        base.Dispose(disposing);
    }
}
