using System.Text.Json.Nodes;
using ImageBench.Configuration;
using ImageBench.Scoring.Judge.Clients;
using ImageBench.Scoring.Judge.Replay;
using ImageBench.Storage;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge;

/// <summary>
/// The checklist judge a user chose (<c>--judge SPEC --judge-samples N</c>), optionally recording its answers to a
/// file or replaying them from one. A run records the spec and samples in its manifest, so <c>score</c> and
/// <c>report</c> find the judge's cached answers without being told again.
/// </summary>
public sealed record JudgeSettings(string Spec, int Samples = JudgeSettings.DefaultSamples, string? RecordPath = null, string? ReplayPath = null)
{
    public const int DefaultSamples = 3;
    private const string SpecParameter = "judge";
    private const string SamplesParameter = "judge_samples";

    /// <summary>The spec parsed; an unknown provider or a missing model is an <see cref="InputException"/>.</summary>
    public JudgeSpec Parsed => JudgeSpec.Parse(Spec);

    /// <summary>Checks what can be checked before anything is spent: samples in range, replay file present, not both files.</summary>
    public JudgeSettings Validate()
    {
        _ = Parsed;
        if (Samples is < 1 or > 15) throw new InputException($"--judge-samples must be from 1 to 15, not {Samples}");
        if (RecordPath is not null && ReplayPath is not null) throw new InputException("--judge-record and --judge-replay cannot be combined");
        if (ReplayPath is not null && !File.Exists(ReplayPath)) throw new InputException($"{ReplayPath}: judge replay file not found");
        return this;
    }

    /// <summary>The judge scorer talking to the chosen model (or replaying recorded answers instead of calling it).</summary>
    public ChecklistJudge Create(HttpClient http, Uri? emulatorBaseUrl) =>
        new(Client(http, new JudgeClientOptions { EmulatorBaseUrl = emulatorBaseUrl }), Parsed.Label, Samples, Parsed.IsEmulated);

    /// <summary>
    /// The chosen model as a chat client: replayed from <see cref="ReplayPath"/> or called (transient failures
    /// retried), and recorded to <see cref="RecordPath"/> when asked — what the judge and the checklist drafter use.
    /// </summary>
    public IChatClient Client(HttpClient http, JudgeClientOptions options, TimeProvider? time = null)
    {
        IChatClient client = ReplayPath is not null
            ? ReplayChatClient.Load(ReplayPath)
            : new RetryingChatClient(JudgeClients.Create(Spec, http, options)) { Time = time ?? TimeProvider.System };
        return RecordPath is null ? client : new RecordingChatClient(client, RecordPath);
    }

    /// <summary>
    /// The same judge for reading its cached answers only (<c>imagebench report</c>): an image it has not judged
    /// shows as "not judged yet" instead of calling a paid model or asking for its key.
    /// </summary>
    public ChecklistJudge CreateCacheOnly() =>
        new(new NotJudgedClient(Spec), Parsed.Label, Samples, Parsed.IsEmulated);

    /// <summary>
    /// The judge a command uses: the spec given, else <paramref name="recorded"/> (the run's own), else none;
    /// samples as given, else the recorded ones, else the default. Not yet validated.
    /// </summary>
    public static JudgeSettings? Choose(string? spec, int? samples, JudgeSettings? recorded)
    {
        var count = samples ?? recorded?.Samples ?? DefaultSamples;
        return spec is not null ? new JudgeSettings(spec, count) : recorded is null ? null : recorded with { Samples = count };
    }

    public void WriteTo(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters[SpecParameter] = Spec;
        parameters[SamplesParameter] = Samples;
    }

    /// <summary>The judge a run was made with, or null when it used none.</summary>
    public static JudgeSettings? FromManifest(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Parameters[SpecParameter]?.ToString() is not { Length: > 0 } spec) return null;
        var samples = manifest.Parameters[SamplesParameter] is JsonValue v && v.TryGetValue<int>(out var n) ? n : DefaultSamples;
        return new JudgeSettings(spec, samples);
    }

    private sealed class NotJudgedClient(string spec) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"not judged yet: run `imagebench score DIR --judge {spec}`");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"not judged yet: run `imagebench score DIR --judge {spec}`");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose() { }
    }
}
