using ImageBench.Scoring;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Clients;
using ImageBench.Suites;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace ImageBench.Tests.Scoring.Judge.Clients;

public sealed class RetryingChatClientTests
{
    private static readonly Expectations Egg = new() { Objects = [new("brown egg", 1)] };

    [Fact]
    public async Task A_rate_limited_call_waits_what_the_server_asked_on_the_clock_then_answers()
    {
        var time = new FakeTimeProvider();
        var flaky = new FlakyClient(failures: 1, new JudgeClientException("429 slow down", 429, isTransient: true, retryAfter: TimeSpan.FromSeconds(7)));
        var judge = new ChecklistJudge(new RetryingChatClient(flaky) { Time = time }, "test", samples: 1);

        var scoring = judge.ScoreAsync(Image(), Egg, CancellationToken.None);
        await flaky.FirstCall.Task;
        time.Advance(TimeSpan.FromSeconds(6.9));
        await Task.Yield();
        Assert.False(scoring.IsCompleted);
        Assert.Equal(1, flaky.Calls);
        time.Advance(TimeSpan.FromSeconds(0.2));
        var result = await scoring.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, flaky.Calls);
        Assert.True(result.Passed);
        Assert.Equal(0, result.Metrics["failed_samples"]);
    }

    [Fact]
    public async Task Backoff_doubles_when_the_server_names_no_wait_and_gives_up_after_three_retries()
    {
        var time = new FakeTimeProvider();
        var flaky = new FlakyClient(failures: 10, new JudgeClientException("503", 503, isTransient: true));
        var call = new RetryingChatClient(flaky) { Time = time }.GetResponseAsync([new ChatMessage(ChatRole.User, "q")]);

        foreach (var (wait, callsAfter) in new[] { (1, 2), (2, 3), (4, 4) })
        {
            time.Advance(TimeSpan.FromSeconds(wait) - TimeSpan.FromMilliseconds(1));
            await Task.Yield();
            Assert.Equal(callsAfter - 1, flaky.Calls);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await WaitForCalls(flaky, callsAfter);
        }
        var error = await Assert.ThrowsAsync<JudgeClientException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("503", error.Message);
        Assert.Equal(4, flaky.Calls);
    }

    [Fact]
    public async Task A_permanent_error_or_a_wait_beyond_the_limit_fails_at_once()
    {
        var permanent = new FlakyClient(failures: 5, new JudgeClientException("401 bad key", 401));
        var tooLong = new FlakyClient(failures: 5, new JudgeClientException("429", 429, isTransient: true, retryAfter: TimeSpan.FromMinutes(5)));

        var a = await new ChecklistJudge(new RetryingChatClient(permanent) { Time = new FakeTimeProvider() }, "test", samples: 1).ScoreAsync(Image(), Egg, CancellationToken.None);
        var b = await new ChecklistJudge(new RetryingChatClient(tooLong) { Time = new FakeTimeProvider() }, "test", samples: 1).ScoreAsync(Image(), Egg, CancellationToken.None);

        Assert.Equal((1, 1), (permanent.Calls, tooLong.Calls));
        Assert.Contains("401 bad key", a.Error, StringComparison.Ordinal);
        Assert.NotNull(b.Error);
    }

    private static Task WaitForCalls(FlakyClient client, int calls)
    {
        // The retry may continue on the thread pool after the fake clock fires: a bounded wait for that call, not a sleep.
        SpinWait.SpinUntil(() => client.Calls >= calls, TimeSpan.FromSeconds(10));
        Assert.Equal(calls, client.Calls);
        return Task.CompletedTask;
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
