using System.Collections.Concurrent;
using ImageBench.Emulator.Faults;

namespace ImageBench.Emulator;

/// <summary>
/// Thread-safe counters of what the emulator saw; tests assert on them and <c>GET /_emulator/stats</c> serves them
/// (<see cref="Snapshot"/>). Keys themselves are never stored.
/// </summary>
public sealed class EmulatorStats
{
    private readonly ConcurrentDictionary<string, int> _openAiByModel = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _bflByModel = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _bflByPrompt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _byProtocol = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Family, string Model), int> _submitsByFamily = new();
    private readonly ConcurrentDictionary<string, ModelCounters> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);
    private int _calls;
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
    /// <summary>Every request either host answered (the stats endpoint itself excluded).</summary>
    public int Calls => Volatile.Read(ref _calls);
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
    /// <summary>Faults injected, every kind at every site (refusals are counted separately).</summary>
    public int InjectedFailures => Volatile.Read(ref _injectedFailures);
    /// <summary>Faults injected with this label ("429", "reset@poll", <see cref="FaultKinds.Label"/>).</summary>
    public int Faults(string label) => _faults.GetValueOrDefault(label);

    /// <summary>One model's counters (upstream name, as the emulator sees it); all zero for a model never called.</summary>
    public ModelStatsSnapshot ForModel(string model) => _models.TryGetValue(model, out var m) ? m.Snapshot() : ModelCounters.Empty;

    /// <summary>Everything counted so far, as <c>GET /_emulator/stats</c> serves it.</summary>
    public EmulatorStatsSnapshot Snapshot(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var models = _models.ToDictionary(p => p.Key, p => p.Value.Snapshot(), StringComparer.Ordinal);
        return new EmulatorStatsSnapshot(options.TimeScale, options.Seed, Calls,
            models.Values.Sum(m => m.Submissions), models.Values.Sum(m => m.Billed), Refusals, Polls, Deliveries,
            DeliveriesWithCredentials, RequestsWithKey, RequestsWithoutKey, InjectedFailures,
            new SortedDictionary<string, int>(_faults, StringComparer.Ordinal), new SortedDictionary<string, ModelStatsSnapshot>(models, StringComparer.Ordinal));
    }

    internal void CountCall() => Interlocked.Increment(ref _calls);

    internal void CountOpenAIGeneration(string model)
    {
        _openAiByModel.AddOrUpdate(model, 1, (_, n) => n + 1);
        Model(model, "openai").Submission();
    }

    internal void CountBflSubmit(string model, string prompt)
    {
        _bflByModel.AddOrUpdate(model, 1, (_, n) => n + 1);
        _bflByPrompt.AddOrUpdate(prompt, 1, (_, n) => n + 1);
        Model(model, "bfl").Submission();
    }

    /// <summary>A generation or submission of <paramref name="protocol"/>; <paramref name="model"/> null for calls that make no image (the judge).</summary>
    internal void CountGeneration(string protocol, string? model = null)
    {
        _byProtocol.AddOrUpdate(protocol, 1, (_, n) => n + 1);
        if (model is not null) Model(model, protocol).Submission();
    }

    internal void CountQueueSubmit(string family, string model)
    {
        _submitsByFamily.AddOrUpdate((family, model), 1, (_, n) => n + 1);
        Model(model, family).Submission();
    }

    /// <summary>Accepted work the provider would charge for: not rejected by a fault, not refused.</summary>
    internal void CountBilled(string model) => Model(model, null).Bill();

    internal void CountPoll() => Interlocked.Increment(ref _polls);

    /// <summary>A poll whose job was found, for its model's counters (<see cref="CountPoll"/> counts every poll).</summary>
    internal void AttributePoll(string model) => Model(model, null).Poll();

    internal void CountDelivery(bool withCredentials)
    {
        Interlocked.Increment(ref _deliveries);
        if (withCredentials)
        {
            Interlocked.Increment(ref _deliveriesWithCredentials);
        }
    }

    internal void AttributeDelivery(string model) => Model(model, null).Deliver();

    internal void CountKey(bool present) => Interlocked.Increment(ref present ? ref _requestsWithKey : ref _requestsWithoutKey);

    internal void CountRefusal(string model)
    {
        Interlocked.Increment(ref _refusals);
        Model(model, null).Refuse();
    }

    /// <summary>Raised with the fault's label as it is injected, so a test can wait for a hang without sleeping.</summary>
    internal event Action<string>? FaultCounted;

    internal void CountFault(PlannedFault fault)
    {
        Interlocked.Increment(ref _injectedFailures);
        var label = FaultKinds.Label(fault.Kind, fault.Site);
        _faults.AddOrUpdate(label, 1, (_, n) => n + 1);
        Model(fault.Model, null).Fault(label);
        FaultCounted?.Invoke(label);
    }

    private ModelCounters Model(string model, string? protocol)
    {
        var counters = _models.GetOrAdd(model, _ => new ModelCounters());
        if (protocol is not null) counters.Protocol ??= protocol;
        return counters;
    }
}
