using System.Runtime.CompilerServices;
using System.Text.Json;
using ImageBench.Configuration;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Replay;

/// <summary>
/// A judge that answers from a recording (<see cref="RecordingChatClient"/>'s JSON lines) instead of a provider:
/// tests, and users re-scoring without paying, replay recorded judge traffic. The n-th identical request gets the
/// recorded sample n; a request the recording lacks fails (the judge records that sample as failed) — it is
/// never made up.
/// </summary>
public sealed class ReplayChatClient : IChatClient
{
    private readonly Dictionary<(string Request, int Sample), JudgeRecord> _records = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _calls;

    /// <remarks>When a (request, sample) pair is recorded twice, the first line wins.</remarks>
    public ReplayChatClient(IEnumerable<JudgeRecord> records)
    {
        foreach (var r in records) _records.TryAdd((r.Request, r.Sample), r);
    }

    /// <summary>Requests answered so far (served or missing).</summary>
    public int Calls => Volatile.Read(ref _calls);

    public int Count => _records.Count;

    /// <summary>Reads a recording; a malformed line is an <see cref="InputException"/> naming file and line.</summary>
    public static ReplayChatClient Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: judge recording not found");
        var records = new List<JudgeRecord>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var record = JsonSerializer.Deserialize<JudgeRecord>(line, JudgeRecord.Json);
                if (record is null || string.IsNullOrEmpty(record.Request) || record.Sample < 0)
                    throw new InputException($"{path}:{number}: a judge record needs \"request\" and a \"sample\" ≥ 0");
                records.Add(record);
            }
            catch (JsonException e)
            {
                throw new InputException($"{path}:{number}: not a judge record ({e.Message})", e);
            }
        }
        return new ReplayChatClient(records);
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var key = ChatRequestKey.Of(messages);
        int sample;
        lock (_lock)
        {
            sample = _seen.GetValueOrDefault(key.Hash);
            _seen[key.Hash] = sample + 1;
            _calls++;
        }
        if (!_records.TryGetValue((key.Hash, sample), out var record))
            throw new InvalidOperationException($"the judge recording has no answer for request {key.Hash[..12]} (image {key.ImageSha256?[..12] ?? "none"}), sample {sample}: record it with a real judge first");
        if (record.Error is not null)
            throw new InvalidOperationException($"recorded failure: {record.Error}");
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, record.Text ?? "")) { ModelId = record.Model };
        if (record.InputTokens is not null || record.OutputTokens is not null)
            response.Usage = new UsageDetails { InputTokenCount = record.InputTokens, OutputTokenCount = record.OutputTokens };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
