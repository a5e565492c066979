using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Replicate;

/// <summary>
/// Creating a prediction is paid work: the create POST is not sent again once it may have reached Replicate, and a
/// created prediction's id is kept even when its output is unusable. Bodies are built from the recorded create answer
/// (predictions-create.yaml, replicate-python, REAL).
/// </summary>
public sealed class ReplicatePaidCallTests : IDisposable
{
    private readonly ProviderHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static VcrInteraction RecordedCreate() =>
        VcrCassette.Load(Fixtures.Path("replicate", "replicate-python-cassettes", "predictions-create.yaml"))
            .First(i => i.Method.Equals("POST", StringComparison.OrdinalIgnoreCase) && i.Uri.AbsolutePath.EndsWith("/predictions", StringComparison.Ordinal));

    private static GenerationRequest Request() => new(
        ProviderHarness.Model("replicate", "black-forest-labs/flux-1.1-pro", "https://api.replicate.com/", new Dictionary<string, string> { ["wait"] = "false" }),
        "p", 1024, 1024, new ApiKey("r8_secret"));

    private Task<GenerationResult> Run(AttemptRecorder? rec = null) =>
        _h.Clock.RunAsync(() => _h.Registry.For("replicate").GenerateAsync(Request(), rec ?? _h.NewRecorder(), CancellationToken.None));

    [Fact]
    public async Task A_reset_after_the_create_body_was_sent_is_not_re_posted()
    {
        var created = RecordedCreate();
        _h.Handler.Enqueue(NetworkFaults.ResetAfterBody());
        _h.Handler.Enqueue(created.ToReply() with { ExpectedUri = null });

        var result = await Run();

        Assert.Single(_h.Handler.Requests);
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Contains("may have been billed", result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, result.UnansweredPaidCalls);
        Assert.Empty(_h.SubmittedJobs);
    }

    [Fact]
    public async Task A_refused_connection_on_create_is_sent_again()
    {
        var created = RecordedCreate();
        _h.Handler.Enqueue(NetworkFaults.ConnectionRefused());
        _h.Handler.Enqueue(SucceededCreate(created));
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png");

        var result = await Run();

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(2, _h.Handler.Requests.Count(r => r.Method == HttpMethod.Post));
        Assert.Equal(0, result.UnansweredPaidCalls);
    }

    [Fact]
    public async Task Retry_unsafe_re_posts_the_create_after_a_reset_and_counts_the_lost_send()
    {
        using var registry = new ProviderRegistry(_h.Client, ProviderHarness.Policy with { RetryPossiblyBilled = true });
        _h.Handler.Enqueue(NetworkFaults.ResetAfterBody());
        _h.Handler.Enqueue(SucceededCreate(RecordedCreate()));
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png");

        var result = await _h.Clock.RunAsync(() => registry.For("replicate").GenerateAsync(Request(), _h.NewRecorder(), CancellationToken.None));

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(2, _h.Handler.Requests.Count(r => r.Method == HttpMethod.Post));
        Assert.Equal(1, result.UnansweredPaidCalls);
    }

    [Fact]
    public async Task Polls_are_still_retried_after_a_reset()
    {
        var created = RecordedCreate();
        var body = (JsonObject)created.ResponseJson!;
        _h.Handler.Enqueue(created.ToReply() with { ExpectedUri = null });
        _h.Handler.Enqueue(NetworkFaults.ResetAfterBody());
        _h.Handler.Enqueue(SucceededCreate(created) with { Status = HttpStatusCode.OK, ExpectedMethod = HttpMethod.Get, ExpectedUri = new Uri((string)body["urls"]!["get"]!) });
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png");

        var rec = _h.NewRecorder();

        var result = await Run(rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Single(_h.Handler.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal(2, _h.Handler.Requests.Count(r => r.Method == HttpMethod.Get && r.Uri.Host == "api.replicate.com"));
        var retry = Assert.Single(rec.Retries);
        Assert.Equal((PhaseNames.Queued, (int?)null), (retry.Phase, retry.HttpStatus));
        Assert.Equal(0, result.UnansweredPaidCalls);
    }

    /// <summary>The recorded create answer as a finished prediction whose output is on the CDN.</summary>
    private static Reply SucceededCreate(VcrInteraction created)
    {
        var body = (JsonObject)created.ResponseJson!;
        body["status"] = "succeeded";
        body["output"] = new JsonArray("https://replicate.delivery/pbxt/x/out-0.png");
        return created.ToReply(body.ToJsonString()) with { ExpectedUri = null };
    }

    public static TheoryData<string> UnusableOutputs() => new() { "\"not a url\"", "42", """{"image":"https://replicate.delivery/x.png"}""", "[7]" };

    [Theory]
    [MemberData(nameof(UnusableOutputs))]
    public async Task A_created_prediction_with_an_unusable_output_keeps_its_id(string output)
    {
        var created = RecordedCreate();
        // The recorded answer says "starting": the output is judged whatever the status, after the id is stored.
        var body = (JsonObject)created.ResponseJson!;
        body["output"] = JsonNode.Parse(output);
        _h.Handler.Enqueue(created.ToReply(body.ToJsonString()) with { ExpectedUri = null });

        var result = await Run();

        var id = (string)body["id"]!;
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.Equal(id, result.ProviderRequestId);
        Assert.Equal(new JobHandle(id, (string)body["urls"]!["get"]!), Assert.Single(_h.SubmittedJobs));
        Assert.Contains("output", result.Reason, StringComparison.Ordinal);
    }
}
