using System.Net;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Http;

/// <summary>
/// A call that creates paid work is sent again only when it provably never reached the provider (no connection, or
/// the connect timeout) or was answered 429/503; every send whose answer never arrived is counted. Calls that are free
/// to repeat keep the usual rules, and <see cref="RetryPolicy.RetryPossiblyBilled"/> restores them for paid calls too.
/// </summary>
public sealed class PaidCallRetryTests : IDisposable
{
    private static readonly Uri Url = new("https://api.example/v1/images/generations");
    private readonly SteppingClock _clock = new();
    private readonly RecordedHandler _handler;
    private readonly HttpClient _client;
    private readonly ProviderHttp _http;

    public PaidCallRetryTests()
    {
        _handler = new RecordedHandler(_clock);
        // As in production: no client-wide timeout, so a timeout under a cancellation can only be the connect timeout.
        _client = ProviderRegistry.CreateHttpClient(_handler);
        _http = new ProviderHttp(_client, new Random(7));
    }

    public void Dispose() => _client.Dispose();

    private sealed record Sent(HttpStatusCode? Status, Exception? Error, int Unanswered, IReadOnlyList<RetryRecord> Retries);

    /// <summary>Sends one billable create the way an adapter does: inside <see cref="CallBilling.CreatingPaidWorkAsync"/>.</summary>
    private async Task<Sent> SendPaid(RetryPolicy? policy = null, HttpClient? client = null)
    {
        var http = client is null ? _http : new ProviderHttp(client, new Random(7));
        var rec = new AttemptRecorder(_clock);
        HttpStatusCode? status = null;
        Exception? error = null;
        var result = await CallBilling.CreatingPaidWorkAsync(async create =>
        {
            try
            {
                using var response = await _clock.RunAsync(() => http.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url), rec,
                    policy ?? ProviderHarness.Policy, PhaseNames.Generating, create, CancellationToken.None));
                status = response.StatusCode;
            }
            catch (HttpRequestException e)
            {
                error = e;
            }
            return new GenerationResult { Outcome = AttemptOutcome.Ok };
        });
        return new Sent(status, error, result.UnansweredPaidCalls, rec.Retries);
    }

    private Task<HttpResponseMessage> SendFree() =>
        _clock.RunAsync(() => _http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url), new AttemptRecorder(_clock),
            ProviderHarness.Policy, PhaseNames.Queued, CallBilling.Free, CancellationToken.None));

    public static TheoryData<string> MaybeDelivered() => new() { nameof(NetworkFaults.ResetAfterBody), nameof(NetworkFaults.ResponseEnded), nameof(NetworkFaults.ReadTimeout) };

    private static Reply Fault(string name) => name switch
    {
        nameof(NetworkFaults.ResetAfterBody) => NetworkFaults.ResetAfterBody(),
        nameof(NetworkFaults.ResponseEnded) => NetworkFaults.ResponseEnded(),
        nameof(NetworkFaults.ReadTimeout) => NetworkFaults.ReadTimeout(),
        nameof(NetworkFaults.ConnectionRefused) => NetworkFaults.ConnectionRefused(),
        nameof(NetworkFaults.ConnectTimeout) => NetworkFaults.ConnectTimeout(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(MaybeDelivered))]
    public async Task A_create_that_may_have_reached_the_provider_is_sent_once_and_counted(string fault)
    {
        _handler.Enqueue(Fault(fault));
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid();

        Assert.Single(_handler.Requests);
        Assert.NotNull(sent.Error);
        Assert.Equal(1, sent.Unanswered);
        Assert.Empty(sent.Retries);
    }

    [Theory]
    [InlineData(nameof(NetworkFaults.ConnectionRefused))]
    [InlineData(nameof(NetworkFaults.ConnectTimeout))]
    public async Task A_create_that_never_left_is_sent_again_and_not_counted(string fault)
    {
        _handler.Enqueue(Fault(fault));
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid();

        Assert.Equal(2, _handler.Requests.Count);
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal(0, sent.Unanswered);
        Assert.Null(Assert.Single(sent.Retries).HttpStatus);
    }

    [Fact]
    public async Task Name_resolution_and_tls_failures_never_reached_the_provider()
    {
        _handler.Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known")));
        _handler.Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established")));
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid();

        Assert.Equal((HttpStatusCode.OK, 0, 3), (sent.Status!.Value, sent.Unanswered, _handler.Requests.Count));
    }

    [Fact]
    public async Task A_timeout_on_a_client_with_its_own_timeout_cannot_be_told_from_a_read_timeout()
    {
        using var timed = new HttpClient(_handler) { Timeout = TimeSpan.FromSeconds(100) };
        _handler.Enqueue(NetworkFaults.ConnectTimeout());
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid(client: timed);

        Assert.Single(_handler.Requests);
        Assert.Equal(1, sent.Unanswered);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(409)]
    public async Task A_create_answered_with_a_server_failure_is_handed_back_not_resent(int status)
    {
        _handler.Json((HttpStatusCode)status, """{"error":{"message":"boom"}}""");
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid();

        Assert.Equal(((HttpStatusCode)status, 0), (sent.Status!.Value, sent.Unanswered));
        Assert.Single(_handler.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_create_told_to_come_back_is_retried_after_the_servers_wait(int status)
    {
        _handler.Json((HttpStatusCode)status, "{}", headers: new Dictionary<string, string> { ["Retry-After"] = "2" });
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid();

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var retry = Assert.Single(sent.Retries);
        Assert.Equal((status, 2000.0, "retry-after"), (retry.HttpStatus!.Value, retry.WaitMs, retry.WaitSource));
    }

    [Theory]
    [MemberData(nameof(MaybeDelivered))]
    public async Task Free_calls_are_still_retried_after_any_network_failure(string fault)
    {
        _handler.Enqueue(Fault(fault));
        _handler.Json(HttpStatusCode.OK, "{}");

        using var response = await SendFree();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task Opting_in_resends_a_possibly_billed_create_and_counts_every_unanswered_send()
    {
        _handler.Enqueue(NetworkFaults.ResetAfterBody());
        _handler.Enqueue(NetworkFaults.ConnectionRefused());
        _handler.Enqueue(NetworkFaults.ResponseEnded());
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid(ProviderHarness.Policy with { RetryPossiblyBilled = true });

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal(4, _handler.Requests.Count);
        Assert.Equal(2, sent.Unanswered); // the refused connection carried nothing to bill
    }

    [Fact]
    public async Task Opting_in_resends_a_create_answered_500()
    {
        _handler.Json(HttpStatusCode.InternalServerError, "{}");
        _handler.Json(HttpStatusCode.OK, "{}");

        var sent = await SendPaid(ProviderHarness.Policy with { RetryPossiblyBilled = true });

        Assert.Equal((HttpStatusCode.OK, 2), (sent.Status!.Value, _handler.Requests.Count));
    }
}
