using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Replay;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;

namespace ImageBench.Tests.Scoring.Judge;

public sealed class JudgeScoringRunnerTests : IDisposable
{
    private readonly TempDir _dir = new();

    private static readonly Suite Suite = SuiteLoader.Parse(
        "prompts:\n" +
        "  - id: eggs\n    tags: [counting]\n    text: one egg\n    expect:\n      objects: [{ name: brown egg, count: 1, placement: in a napkin }]\n      checks: [Is the egg whole?]\n" +
        "  - id: poster\n    text: 'a \"SIGN\"'\n    expect:\n      text: [SIGN]\n", "s.yaml");

    /// <summary>A CPU scorer beside the judge: the image's width.</summary>
    private sealed class WidthScorer : IImageScorer
    {
        public string Name => "width";
        public string Version => "1";
        public bool AppliesTo(Expectations expect) => true;
        public ScoreResult Score(ScoringImage image, Expectations expect, CancellationToken ct) =>
            new(Name, Version, new Dictionary<string, double> { ["width"] = image.Width }, [], null);
    }

    private sealed class MemoryScoreStore : IScoreStore
    {
        private readonly ConcurrentDictionary<ScoreKey, ScoreResult> _scores = new();
        public Task<ScoreResult?> LoadScoreAsync(ScoreKey key, CancellationToken ct) => Task.FromResult(_scores.GetValueOrDefault(key));
        public Task SaveScoreAsync(ScoreKey key, ScoreResult result, CancellationToken ct) { _scores[key] = result; return Task.CompletedTask; }
    }

    private async Task<List<Attempt>> ImagesAsync(string prompt, int count, int firstWidth = 16)
    {
        var attempts = new List<Attempt>();
        for (var i = 0; i < count; i++)
        {
            var bytes = TestImages.Png(firstWidth + i, 8);
            var facts = ImageBench.Images.ImageInspector.Inspect(bytes).Facts!;
            var path = await new ImageFileStore(_dir.Path).SaveAsync(bytes, facts, CancellationToken.None);
            attempts.Add(new Attempt { RunId = "r", Model = $"m{i}", PromptId = prompt, Repeat = 0, Outcome = AttemptOutcome.Ok, Image = facts, ImagePath = path });
        }
        return attempts;
    }

    [Fact]
    public async Task The_judge_runs_beside_the_cpu_scorers_and_a_second_pass_makes_no_judge_calls()
    {
        await using var store = await SqliteRunStore.OpenAsync(_dir.Path, CancellationToken.None);
        var attempts = (await ImagesAsync("eggs", 4)).Concat(await ImagesAsync("poster", 1, firstWidth: 40)).ToList();
        var client = ScriptedChatClient.AllYes();

        var first = new ScoringRunner([new WidthScorer(), new ChecklistJudge(client, "fake", samples: 3)], store, 2);
        var scores = await first.ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        var callsAfterFirst = client.Calls;
        var second = new ScoringRunner([new WidthScorer(), new ChecklistJudge(client, "fake", samples: 3)], store, 2);
        var again = await second.ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);

        Assert.Equal(4 * 3, callsAfterFirst);
        Assert.Equal(callsAfterFirst, client.Calls);
        Assert.Equal((9, 0), (first.Computed, first.FromCache));
        Assert.Equal((0, 9), (second.Computed, second.FromCache));
        var egg = again.For("m0", "eggs", 0)!;
        Assert.Equal(["width", "judge"], egg.Results.Select(r => r.Scorer));
        Assert.Equal(1.0, egg.Results[1].Metrics["dsg"]);
        Assert.Equal("yes", (string?)egg.Results[1].Details["items"]![1]!["answer"]);
        Assert.True(egg.Acceptable);
        Assert.Equal(["width"], again.For("m0", "poster", 0)!.Results.Select(r => r.Scorer));
        Assert.Equal(scores.For("m3", "eggs", 0)!.Results[1].Details.ToJsonString(), again.For("m3", "eggs", 0)!.Results[1].Details.ToJsonString());
    }

    [Fact]
    public async Task A_changed_checklist_or_judge_re_asks_and_nothing_else_does()
    {
        var store = new MemoryScoreStore();
        var attempts = await ImagesAsync("eggs", 1);
        var client = ScriptedChatClient.AllYes();
        var edited = SuiteLoader.Parse(
            "prompts:\n  - id: eggs\n    tags: [counting]\n    text: one egg\n    expect:\n      objects: [{ name: brown egg, count: 2 }]\n", "s.yaml");

        await new ScoringRunner([new ChecklistJudge(client, "fake", samples: 1)], store, 1).ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        await new ScoringRunner([new ChecklistJudge(client, "fake", samples: 1)], store, 1).ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        Assert.Equal(1, client.Calls);
        await new ScoringRunner([new ChecklistJudge(client, "fake", samples: 1)], store, 1).ScoreAsync(_dir.Path, attempts, edited, CancellationToken.None);
        Assert.Equal(2, client.Calls);
        await new ScoringRunner([new ChecklistJudge(client, "other", samples: 1)], store, 1).ScoreAsync(_dir.Path, attempts, edited, CancellationToken.None);
        Assert.Equal(3, client.Calls);
    }

    /// <summary>
    /// Holds every call until <c>limit</c> calls are waiting together, then lets that wave through: a runner that
    /// never had <c>limit</c> calls in flight at once would stall here (and the test time out). The number of calls
    /// must be a multiple of <c>limit</c>.
    /// </summary>
    private sealed class Waves(int limit)
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource _wave = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting;
        public int Max { get; private set; }

        public Task PassAsync(CancellationToken ct)
        {
            TaskCompletionSource wave;
            lock (_lock)
            {
                Max = Math.Max(Max, ++_waiting);
                wave = _wave;
                if (_waiting == limit)
                {
                    _waiting = 0;
                    _wave = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    wave.TrySetResult();
                }
            }
            return wave.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
        }
    }

    /// <summary>A judge that answers "yes" after <paramref name="before"/> (a wave, a held gate), counting its calls in flight.</summary>
    private sealed class GatedChatClient(Func<CancellationToken, Task> before) : IChatClient
    {
        private int _inFlight;
        private int _max;
        private int _calls;
        public int Max => Volatile.Read(ref _max);
        public int InFlight => Volatile.Read(ref _inFlight);
        public int Calls => Volatile.Read(ref _calls);

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var questions = messages.SelectMany(m => m.Contents).OfType<TextContent>().Select(t => JudgeProtocol.QuestionsIn(t.Text)).First(q => q is not null)!;
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen) { }
            await before(cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, JudgeProtocol.Format(new JudgeReply("ok", [.. questions.Select(q => new JudgeAnswer(q.Id, "yes"))]))));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }

    [Fact]
    public async Task The_judge_keeps_to_its_own_concurrency_and_uses_it()
    {
        var attempts = await ImagesAsync("eggs", 6);
        var waves = new Waves(limit: 2);
        var client = new GatedChatClient(waves.PassAsync);

        var scores = await new ScoringRunner([new ChecklistJudge(client, "fake", samples: 1, concurrency: 2)], new MemoryScoreStore(), parallelism: 6)
            .ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);

        Assert.Equal((2, 2, 6), (waves.Max, client.Max, client.Calls));
        Assert.All(scores.Attempts, a => Assert.True(a.Acceptable));
    }

    [Fact]
    public async Task A_slow_judge_is_held_to_its_concurrency_while_a_fast_one_goes_on()
    {
        var attempts = await ImagesAsync("eggs", 4);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fastDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new GatedChatClient(ct => release.Task.WaitAsync(ct));
        GatedChatClient? fast = null;
        fast = new GatedChatClient(_ => { if (fast!.Calls == attempts.Count) fastDone.TrySetResult(); return Task.CompletedTask; });

        var run = new ScoringRunner([new ChecklistJudge(slow, "slow", samples: 1, concurrency: 1), new ChecklistJudge(fast, "fast", samples: 1, concurrency: 3)], new MemoryScoreStore(), parallelism: 4)
            .ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        await fastDone.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var slowInFlight = slow.InFlight;
        release.SetResult();
        var scores = await run;

        Assert.Equal(1, slowInFlight);
        Assert.Equal((1, 4), (slow.Max, slow.Calls));
        Assert.All(scores.Attempts, x => Assert.Equal(["judge", "judge"], x.Results.Select(r => r.Scorer)));
        Assert.All(scores.Attempts, x => Assert.True(x.Acceptable));
    }

    [Fact]
    public async Task A_failed_judgement_is_recorded_but_not_cached_so_the_next_pass_retries()
    {
        var store = new MemoryScoreStore();
        var attempts = await ImagesAsync("eggs", 1);
        var down = new ScriptedChatClient((_, _) => throw new HttpRequestException("connection refused"));

        var scores = await new ScoringRunner([new ChecklistJudge(down, "fake", samples: 2)], store, 1).ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        var up = ScriptedChatClient.AllYes();
        var retried = await new ScoringRunner([new ChecklistJudge(up, "fake", samples: 2)], store, 1).ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);

        Assert.Contains("connection refused", scores.Attempts.Single().Results.Single().Error, StringComparison.Ordinal);
        Assert.Null(scores.Attempts.Single().Acceptable);
        Assert.Equal(2, up.Calls);
        Assert.True(retried.Attempts.Single().Acceptable);
    }

    [Fact]
    public async Task A_recorded_judge_replays_the_same_scores_without_calling_it()
    {
        var attempts = await ImagesAsync("eggs", 3);
        var recording = Path.Combine(_dir.Path, "judge.jsonl");
        var real = new ScriptedChatClient((call, questions) => JudgeProtocol.Format(new JudgeReply($"call {call}",
            [.. questions.Select((q, i) => new JudgeAnswer(q.Id, (call + i) % 3 == 0 ? "no" : "yes", q.CountOf is null ? null : call % 4))]))) { Usage = (800, 40) };

        RunScores recorded;
        using (var recorder = new RecordingChatClient(real, recording))
            recorded = await new ScoringRunner([new ChecklistJudge(recorder, "fake")], new MemoryScoreStore(), 2).ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);
        var replay = ReplayChatClient.Load(recording);
        var replayed = await new ScoringRunner([new ChecklistJudge(replay, "fake")], new MemoryScoreStore(), 2).ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None);

        Assert.Equal(9, real.Calls);
        Assert.Equal((9, 9), (replay.Count, replay.Calls));
        var lines = File.ReadAllLines(recording).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(9, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal(["obj1", "obj1.count", "obj1.place", "check1"], line["questions"]!.AsArray().Select(n => (string)n!));
            Assert.Equal(64, ((string)line["image_sha256"]!).Length);
            Assert.Equal(800, (long)line["input_tokens"]!);
        });
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], lines.Select(l => (int)l["sample"]!).Order());
        foreach (var a in recorded.Attempts)
        {
            var expected = a.Results.Single();
            var actual = replayed.For(a.Attempt.Model, "eggs", 0)!.Results.Single();
            Assert.Null(expected.Error);
            Assert.Equal(expected.Details.ToJsonString(), actual.Details.ToJsonString());
            Assert.Equal(expected.Metrics, actual.Metrics);
        }
    }

    [Fact]
    public async Task A_replay_without_the_answer_fails_that_sample_honestly()
    {
        var attempts = await ImagesAsync("eggs", 1);
        var result = (await new ScoringRunner([new ChecklistJudge(new ReplayChatClient([]), "fake", samples: 1)], new MemoryScoreStore(), 1)
            .ScoreAsync(_dir.Path, attempts, Suite, CancellationToken.None)).Attempts.Single().Results.Single();

        Assert.Contains("record it with a real judge first", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_recording_names_file_and_line()
    {
        var path = Path.Combine(_dir.Path, "bad.jsonl");
        File.WriteAllText(path, "{\"request\": \"ab\", \"sample\": 0, \"text\": \"{}\"}\n\n{not json\n");

        var ex = Assert.Throws<ImageBench.Configuration.InputException>(() => ReplayChatClient.Load(path));

        Assert.StartsWith(path + ":3: not a judge record", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
