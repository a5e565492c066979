using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Clients;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Scoring.Judge;

public sealed class JudgeRetryTests
{
    private static readonly Expectations Egg = new() { Objects = [new("brown egg", 1)] };

    [Fact]
    public async Task A_rate_limited_call_waits_what_the_server_asked_on_the_judge_clock_then_answers()
    {
        var time = new FakeTimeProvider();
        var client = new FlakyClient(failures: 1, new JudgeClientException("429 slow down", 429, isTransient: true, retryAfter: TimeSpan.FromSeconds(7)));
        var judge = new ChecklistJudge(client, "test", samples: 1) { Time = time };

        var scoring = judge.ScoreAsync(Image(), Egg, CancellationToken.None);
        await client.FirstCall.Task;
        time.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Yield();
        Assert.False(scoring.IsCompleted);
        Assert.Equal(1, client.Calls);
        time.Advance(TimeSpan.FromSeconds(0.2));
        var result = await scoring.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, client.Calls);
        Assert.True(result.Passed);
        Assert.Equal(0, result.Metrics["failed_samples"]);
    }

    [Fact]
    public async Task A_permanent_error_or_a_wait_beyond_the_limit_fails_the_sample_at_once()
    {
        var permanent = new FlakyClient(failures: 5, new JudgeClientException("401 bad key", 401));
        var tooLong = new FlakyClient(failures: 5, new JudgeClientException("429", 429, isTransient: true, retryAfter: TimeSpan.FromMinutes(5)));

        var a = await new ChecklistJudge(permanent, "test", samples: 1) { Time = new FakeTimeProvider() }.ScoreAsync(Image(), Egg, CancellationToken.None);
        var b = await new ChecklistJudge(tooLong, "test", samples: 1) { Time = new FakeTimeProvider() }.ScoreAsync(Image(), Egg, CancellationToken.None);

        Assert.Equal((1, 1), (permanent.Calls, tooLong.Calls));
        Assert.Contains("401 bad key", a.Error, StringComparison.Ordinal);
        Assert.NotNull(b.Error);
    }

    private static ScoringImage Image() => ScoringImage.Load(TestImages.Png(64, 64), out _)!;

    /// <summary>Fails the first <paramref name="failures"/> calls with <paramref name="error"/>, then answers yes.</summary>
    private sealed class FlakyClient(int failures, Exception error) : IChatClient
    {
        private readonly ScriptedChatClient _answers = ScriptedChatClient.AllYes();
        private int _calls;
        public int Calls => Volatile.Read(ref _calls);
        public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var call = Interlocked.Increment(ref _calls);
            FirstCall.TrySetResult();
            return call <= failures ? Task.FromException<ChatResponse>(error) : _answers.GetResponseAsync(messages, options, cancellationToken);
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }
}
