using System.Collections.Concurrent;

namespace ImageBench.Emulator;

/// <summary>Thread-safe counters of what the emulator saw; tests assert on them. Keys themselves are never stored.</summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<string, int> _openAiByModel = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _bflByModel = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _bflByPrompt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _byProtocol = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Family, string Model), int> _submitsByFamily = new();
    private int _polls;
    private int _deliveries;
    private int _deliveriesWithCredentials;
    private int _requestsWithKey;
    private int _requestsWithoutKey;
    private int _refusals;
    private int _injectedFailures;

    /// <summary>Generation calls that passed authentication and validation (including ones that then failed on purpose).</summary>
    public int OpenAIGenerations(string model) => _openAiByModel.GetValueOrDefault(model);
    public int BflSubmits(string model) => _bflByModel.GetValueOrDefault(model);
    public int BflSubmitsForPrompt(string prompt) => _bflByPrompt.GetValueOrDefault(prompt);
    public int TotalOpenAIGenerations => _openAiByModel.Values.Sum();
    public int TotalBflSubmits => _bflByModel.Values.Sum();
    /// <summary>Generation calls of the fal, Replicate, Gemini and Imagen protocols for one model (app id, owner/name or model name).</summary>
    public int Submits(string family, string model) => _submitsByFamily.GetValueOrDefault((family, model));
    public int TotalSubmits(string family) => _submitsByFamily.Where(p => p.Key.Family == family).Sum(p => p.Value);
    public int Polls => Volatile.Read(ref _polls);
    /// <summary>Generation calls (sync) or task submissions (async) by protocol: "openrouter", "dashscope", "ark", "stability", "ideogram", "recraft".</summary>
    public int Generations(string protocol) => _byProtocol.GetValueOrDefault(protocol);
    /// <summary>Requests served on the delivery host (BFL samples and dall-e URLs).</summary>
    public int Deliveries => Volatile.Read(ref _deliveries);
    /// <summary>Delivery requests that carried x-key, x-goog-api-key or Authorization. A correct client keeps this at 0.</summary>
    public int DeliveriesWithCredentials => Volatile.Read(ref _deliveriesWithCredentials);
    /// <summary>API-host requests that carried a key (Authorization or x-key).</summary>
    public int RequestsWithKey => Volatile.Read(ref _requestsWithKey);
    public int RequestsWithoutKey => Volatile.Read(ref _requestsWithoutKey);
    public int Refusals => Volatile.Read(ref _refusals);
    /// <summary>429, 500, 503, slow, truncated and garbage bodies injected (refusals are counted separately).</summary>
    public int InjectedFailures => Volatile.Read(ref _injectedFailures);

    internal void CountOpenAIGeneration(string model) => _openAiByModel.AddOrUpdate(model, 1, (_, n) => n + 1);

    internal void CountBflSubmit(string model, string prompt)
    {
        _bflByModel.AddOrUpdate(model, 1, (_, n) => n + 1);
        _bflByPrompt.AddOrUpdate(prompt, 1, (_, n) => n + 1);
    }

    internal void CountGeneration(string protocol) => _byProtocol.AddOrUpdate(protocol, 1, (_, n) => n + 1);
    internal void CountQueueSubmit(string family, string model) => _submitsByFamily.AddOrUpdate((family, model), 1, (_, n) => n + 1);

    internal void CountPoll() => Interlocked.Increment(ref _polls);

    internal void CountDelivery(bool withCredentials)
    {
        Interlocked.Increment(ref _deliveries);
        if (withCredentials)
        {
            Interlocked.Increment(ref _deliveriesWithCredentials);
        }
    }

    internal void CountKey(bool present) => Interlocked.Increment(ref present ? ref _requestsWithKey : ref _requestsWithoutKey);
    internal void CountRefusal() => Interlocked.Increment(ref _refusals);
    internal void CountInjectedFailure() => Interlocked.Increment(ref _injectedFailures);
}
