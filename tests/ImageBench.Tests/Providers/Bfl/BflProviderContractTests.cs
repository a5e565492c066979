using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Providers.Bfl;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Providers.Bfl;

/// <summary>Statuses and errors from BFL's documentation examples (docs_examples.DOCS.json), not captures.</summary>
public sealed class BflProviderContractTests : IDisposable
{
    private const string Submit = """{"id":"job-1","polling_url":"https://api.us1.bfl.ai/v1/get_result?id=job-1"}""";
    private readonly ProviderHarness _h = new();
    private static readonly JsonObject Docs = JsonNode.Parse(Fixtures.Read("bfl", "docs_examples.DOCS.json"))!.AsObject();

    public void Dispose() => _h.Dispose();

    private static GenerationRequest Request() =>
        new(ProviderHarness.Model("bfl", "flux-pro-1.1", "https://api.bfl.ai"), "p", 1024, 1024, new ApiKey("bfl-secret"));

    private Task<GenerationResult> Run(AttemptRecorder? rec = null, CancellationToken ct = default) =>
        _h.Clock.RunAsync(() => _h.Registry.For("bfl").GenerateAsync(Request(), rec ?? _h.NewRecorder(), ct));

    [Theory]
    [InlineData("get_result_request_moderated", "input")]
    [InlineData("get_result_content_moderated", "output")]
    public async Task Moderated_statuses_are_refusals_with_their_stage(string example, string stage)
    {
        _h.Handler.Json(HttpStatusCode.OK, Submit);
        _h.Handler.Json(HttpStatusCode.OK, Docs[example]!.ToJsonString());

        var result = await Run();

        Assert.Equal(AttemptOutcome.Refused, result.Outcome);
        Assert.Contains($"moderation_stage: {stage}", result.Reason, StringComparison.Ordinal);
        Assert.Equal("job-1", result.ProviderRequestId);
    }

    [Fact]
    public async Task Moderation_reasons_in_details_are_quoted()
    {
        // UNVERIFIED shape (third-party tests): details {"Moderation Reasons":[...]}.
        _h.Handler.Json(HttpStatusCode.OK, Submit);
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"Content Moderated","result":null,"details":{"Moderation Reasons":["Derivative Works"]}}""");

        var result = await Run();

        Assert.Equal("Content Moderated (moderation_stage: output); Moderation Reasons: Derivative Works", result.Reason);
    }

    [Fact]
    public async Task Validation_422_is_a_provider_error_with_fastapi_words()
    {
        _h.Handler.Json(HttpStatusCode.UnprocessableEntity, Docs["submit_422_HTTPValidationError"]!.ToJsonString());
        var rec = _h.NewRecorder();

        var result = await Run(rec);

        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.Equal(422, result.HttpStatus);
        Assert.Equal("HTTP 422 validation error: <string>: <string>", result.Reason);
        Assert.Empty(_h.SubmittedJobs);
        Assert.Single(_h.Handler.Requests);
    }

    [Fact]
    public async Task Payment_required_is_insufficient_credits()
    {
        _h.Handler.Json(HttpStatusCode.PaymentRequired, """{"detail":"Insufficient credits"}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.ProviderError, result.Outcome);
        Assert.StartsWith("HTTP 402 insufficient credits", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_and_task_not_found_statuses_are_provider_errors()
    {
        _h.Handler.Json(HttpStatusCode.OK, Submit);
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"Error","result":null,"details":{"error":"GPU fell over"}}""");
        _h.Handler.Json(HttpStatusCode.OK, Submit);
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"Task not found"}""");

        var error = await Run();
        var missing = await Run();

        Assert.Equal(AttemptOutcome.ProviderError, error.Outcome);
        Assert.Contains("GPU fell over", error.Reason, StringComparison.Ordinal);
        Assert.Equal((AttemptOutcome.ProviderError, "Task not found"), (missing.Outcome, missing.Reason));
    }

    [Fact]
    public async Task Poll_5xx_is_retried_in_the_current_phase_and_unknown_statuses_are_noted()
    {
        _h.Handler.Json(HttpStatusCode.OK, Submit);
        _h.Handler.Json(HttpStatusCode.ServiceUnavailable, """{"detail":"busy"}""");
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"Warming Up"}""");
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"Ready","result":{"sample":"https://delivery-us1.bfl.ai/x.png?sig=1","duration":1.5}}""");
        _h.Handler.Bytes(ProviderHarness.Png1x1, "image/png");
        var rec = _h.NewRecorder();

        var result = await Run(rec);

        Assert.Equal(AttemptOutcome.Ok, result.Outcome);
        Assert.Equal(1500, result.ServerMs);
        Assert.Contains("Warming Up", result.Reason, StringComparison.Ordinal);
        var retry = Assert.Single(rec.Retries);
        Assert.Equal((PhaseNames.Queued, 503, "busy"), (retry.Phase, retry.HttpStatus, retry.Reason));
        Assert.Equal([true, true, true, true, false], _h.Handler.Requests.Select(r => r.Headers.ContainsKey("x-key")));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"polling_url":"https://api.bfl.ai/x"}""")]
    [InlineData("""{"id":"x","polling_url":"javascript:alert(1)"}""")]
    public async Task Garbage_submit_answer_is_an_invalid_response(string body)
    {
        _h.Handler.Json(HttpStatusCode.OK, body);
        var result = await Run();
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
        Assert.Empty(_h.SubmittedJobs);
    }

    [Fact]
    public async Task Ready_without_a_sample_is_an_invalid_response()
    {
        _h.Handler.Json(HttpStatusCode.OK, Submit);
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"Ready","result":{"duration":2}}""");
        var result = await Run();
        Assert.Equal(AttemptOutcome.InvalidResponse, result.Outcome);
    }

    [Fact]
    public async Task Cancellation_while_polling_propagates()
    {
        using var cts = new CancellationTokenSource();
        _h.Handler.Json(HttpStatusCode.OK, Submit);
        _h.Handler.Json(HttpStatusCode.OK, """{"id":"job-1","status":"Pending","progress":null}""");
        _h.Handler.OnRequest = r => { if (r.Method == HttpMethod.Get) cts.Cancel(); };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(ct: cts.Token));
        Assert.Single(_h.SubmittedJobs);
    }

    [Theory]
    [InlineData("https://api.bfl.ai/v1/get_result?id=1", true)]
    [InlineData("https://api.eu1.bfl.ai/v1/get_result?id=1", true)]
    [InlineData("https://api.us.bfl.ml/v1/get_result?id=1", true)]
    [InlineData("https://delivery-eu1.bfl.ai/results/x.jpeg", false)]
    [InlineData("https://api.bfl.ai.evil.example/v1/get_result", false)]
    [InlineData("https://evil.example/api.bfl.ai", false)]
    [InlineData("http://api.eu1.bfl.ai/v1/get_result?id=1", false)]
    [InlineData("http://localhost:5080/v1/get_result?id=1", false)]
    public void Key_goes_only_to_bfl_api_hosts(string target, bool sends) =>
        Assert.Equal(sends, BflProvider.SendsKeyTo(new Uri(target), new Uri("https://api.bfl.ai")));

    [Fact]
    public void Key_goes_to_the_configured_host_even_when_it_is_not_bfl() =>
        Assert.True(BflProvider.SendsKeyTo(new Uri("http://localhost:5080/v1/get_result?id=1"), new Uri("http://localhost:5080/emu/bfl")));

    [Fact]
    public void Poll_parser_never_throws_on_odd_shapes()
    {
        foreach (var body in new[] { "", "null", "{}", """{"status":5}""", """{"status":"Ready","result":"x"}""", """{"status":"Pending","progress":"half"}""" })
        {
            var (poll, failure) = BflResponseParser.ParsePoll(System.Text.Encoding.UTF8.GetBytes(body));
            Assert.True(poll is not null ^ failure is not null, body);
        }
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(Submit).RootElement.ValueKind);
    }
}
