using ImageBench.Suites;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge;

/// <summary>
/// The checklist judge (scorer "judge"): asks a vision LLM the prompt's yes/no checklist about the image,
/// <see cref="Samples"/> times at temperature 0, and scores it DSG style (<see cref="ChecklistAggregator"/>).
/// Works against any <see cref="IChatClient"/>: a real provider, the emulator's judge, or a replay of recorded
/// answers. Never throws for a provider's failure or garbage: those become recorded failed samples, and only
/// when no sample parsed does the result fail.
/// </summary>
public sealed class ChecklistJudge : IAsyncImageScorer
{
    public const string ScorerName = "judge";

    /// <summary>Bumped when the prompt, the aggregation or the result's shape changes.</summary>
    public const string CodeVersion = "1";

    private readonly IChatClient _client;

    /// <param name="client">The judge model behind any <see cref="IChatClient"/>.</param>
    /// <param name="label">Names the judge in results and the cache key ("openai:gpt-4.1-mini", "emulated").</param>
    /// <param name="samples">Calls per image; the majority per item decides. 1..15.</param>
    /// <param name="emulated">True for the emulator's judge: its verdicts are a demo, and results say so.</param>
    /// <param name="concurrency">Images judged at once (each runs its samples one after another).</param>
    public ChecklistJudge(IChatClient client, string label, int samples = 3, bool emulated = false, int concurrency = 4)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, 15);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _client = client;
        Label = label;
        Samples = samples;
        Emulated = emulated;
        Concurrency = concurrency;
    }

    public string Label { get; }
    public int Samples { get; }
    public bool Emulated { get; }
    public int Concurrency { get; }

    /// <summary>Ask for a JSON reply (<see cref="ChatResponseFormat.Json"/>); clients that cannot, ignore the hint.</summary>
    public bool JsonResponseFormat { get; init; } = true;

    public string Name => ScorerName;

    /// <summary>The judge model and the number of samples are part of the version, so changing either re-scores.</summary>
    public string Version => $"{CodeVersion}|{Label}|x{Samples}{(Emulated ? "|emulated" : "")}";

    public bool AppliesTo(Expectations expect) => ChecklistBuilder.For(expect).Items.Count > 0;

    /// <summary>The checklist is what the verdict depends on: frozen or derived, its hash keys the cache.</summary>
    public string ExpectationsHash(Expectations expect) => ChecklistBuilder.For(expect).Hash();

    public async Task<ScoreResult> ScoreAsync(ScoringImage image, Expectations expect, CancellationToken ct)
    {
        var checklist = ChecklistBuilder.For(expect);
        if (checklist.Items.Count == 0) return ScoreResult.Failed(Name, Version, "the prompt's checklist has no questions");
        byte[] png;
        try
        {
            png = JudgeImage.Png(image);
        }
        catch (InvalidOperationException e)
        {
            return ScoreResult.Failed(Name, Version, e.Message);
        }
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, JudgeProtocol.SystemPrompt),
            new(ChatRole.User, [new DataContent(png, JudgeImage.MediaType), new TextContent(JudgeProtocol.UserText(checklist.Questions))]),
        };
        var samples = new List<JudgeSample>(Samples);
        // One after another: a judge's rate limit is per minute, and concurrency across images is the runner's job.
        for (var i = 0; i < Samples; i++)
            samples.Add(await AskAsync(i, messages, checklist, ct).ConfigureAwait(false));
        return JudgeResult.Build(this, checklist, samples);
    }

    private async Task<JudgeSample> AskAsync(int index, List<ChatMessage> messages, Checklist checklist, CancellationToken ct)
    {
        var options = new ChatOptions { Temperature = 0f, ResponseFormat = JsonResponseFormat ? ChatResponseFormat.Json : null };
        ChatResponse response;
        try
        {
            response = await _client.GetResponseAsync(messages, options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not OutOfMemoryException)
        {
            return new JudgeSample(index, null, null, $"the judge call failed: {e.GetType().Name}: {e.Message}");
        }
        var raw = response.Text;
        var (input, output) = (response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
        var reply = JudgeProtocol.Parse(raw, out var error);
        if (reply is not null && !reply.Answers.Any(a => checklist.Items.Any(i => i.Id == a.Id)))
            (reply, error) = (null, "the judge's reply answers none of the questions asked");
        return new JudgeSample(index, raw, reply, error, input, output);
    }

}
