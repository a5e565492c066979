using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Clients;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;
using static ImageBench.Tests.Scoring.Judge.Clients.JudgeCalls;

namespace ImageBench.Tests.Scoring.Judge.Clients;

public sealed class GeminiJudgeClientTests
{
    /// <summary>The recorded model, so the request must go to the recorded URL.</summary>
    private const string Model = "gemini-2.5-flash-image";

    /// <summary>
    /// The first interaction of pydantic-ai's test_google_image_or_text_output cassette: a real text-only
    /// generateContent answer (candidates, finishReason, modelVersion, responseId, usageMetadata all as recorded).
    /// Only candidates[0].content.parts[0].text, an axolotl story there, is substituted with a judge's JSON answer.
    /// </summary>
    private static (VcrInteraction Recorded, string Body) RecordedTextAnswer(Action<JsonObject>? edit = null)
    {
        var recorded = VcrCassette.Load(Fixtures.Path("gemini", "pydantic-ai", "test_google_image_or_text_output.TRIMMED.yaml"))[0];
        var body = recorded.ResponseJson!.AsObject();
        body["candidates"]![0]!["content"]!["parts"]![0]!["text"] = Answer;
        edit?.Invoke(body);
        return (recorded, body.ToJsonString());
    }

    private static IChatClient Gemini(RecordedHandler handler, string env = JudgeClients.GeminiKeyEnv) => JudgeClients.Create($"gemini:{Model}", Http(handler),
        new JudgeClientOptions { Environment = name => name == env ? Secret : null });

    [Fact]
    public async Task Sends_the_key_header_system_instruction_inline_png_and_temperature_0()
    {
        var (recorded, body) = RecordedTextAnswer();
        var handler = new RecordedHandler().Enqueue(recorded.ToReply(body));
        using var judge = Gemini(handler);

        await judge.GetResponseAsync(Messages());

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-image:generateContent"), request.Uri);
        Assert.Equal(Secret, request.Headers["x-goog-api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.DoesNotContain(Secret, request.Uri.ToString(), StringComparison.Ordinal);
        var json = request.BodyJson;
        Assert.Equal(JudgeProtocol.SystemPrompt, (string)json["systemInstruction"]!["parts"]![0]!["text"]!);
        var content = Assert.Single(json["contents"]!.AsArray())!;
        Assert.Equal("user", (string)content["role"]!);
        var parts = content["parts"]!.AsArray();
        var inline = parts.Single(p => p!["inline_data"] is not null)!["inline_data"]!;
        Assert.Equal("image/png", (string)inline["mime_type"]!);
        Assert.Equal(Png, Convert.FromBase64String((string)inline["data"]!));
        Assert.Equal(Questions, JudgeProtocol.QuestionsIn((string)parts.Single(p => p!["text"] is not null)!["text"]!));
        Assert.Equal(0, (double)json["generationConfig"]!["temperature"]!);
        Assert.Equal("application/json", (string)json["generationConfig"]!["responseMimeType"]!);
    }

    [Fact]
    public async Task Reads_the_text_and_usage_of_the_recorded_answer()
    {
        var (recorded, body) = RecordedTextAnswer();
        using var judge = Gemini(new RecordedHandler().Enqueue(recorded.ToReply(body)));

        var response = await judge.GetResponseAsync(Messages());

        var reply = JudgeProtocol.Parse(response.Text, out var error);
        Assert.Null(error);
        Assert.Equal([new JudgeAnswer("q1", "no", 3), new JudgeAnswer("q2", "no")], reply!.Answers);
        // Recorded usageMetadata, modelVersion and responseId.
        Assert.Equal(18, response.Usage!.InputTokenCount);
        Assert.Equal(48, response.Usage.OutputTokenCount);
        Assert.Equal(66, response.Usage.TotalTokenCount);
        Assert.Equal("gemini-2.5-flash-image", response.ModelId);
        Assert.Equal("tofdaKSRBMSgz7IPx5eRyAU", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Google_api_key_is_the_fallback_variable()
    {
        var (recorded, body) = RecordedTextAnswer();
        var handler = new RecordedHandler().Enqueue(recorded.ToReply(body));
        using var judge = Gemini(handler, JudgeClients.GoogleKeyEnv);

        await judge.GetResponseAsync(Messages());

        Assert.Equal(Secret, handler.Requests[0].Headers["x-goog-api-key"]);
    }

    [Theory]
    [InlineData(400, """{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}""", "API key not valid", false)]
    [InlineData(429, """{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}""", "Resource has been exhausted", true)]
    [InlineData(500, """{"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}}""", "internal error", true)]
    [InlineData(503, "<html>Service Unavailable</html>", "Service Unavailable", true)]
    public async Task Http_errors_become_exceptions_with_the_providers_words(int status, string body, string words, bool transient)
    {
        var handler = new RecordedHandler().Json((HttpStatusCode)status, body, headers: status == 429 ? new Dictionary<string, string> { ["Retry-After"] = "12" } : null);
        using var judge = Gemini(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(transient, e.IsTransient);
        Assert.Contains(words, e.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", e.Message, StringComparison.Ordinal);
        Assert.Equal(status == 429 ? TimeSpan.FromSeconds(12) : null, e.RetryAfter);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_echoed_in_an_error_is_scrubbed()
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.BadRequest, $$$"""{"error":{"code":400,"message":"API key {{{Secret}}} not valid.","status":"INVALID_ARGUMENT"}}""");
        using var judge = Gemini(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Contains("[redacted]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_prompt_is_an_error_naming_the_reason()
    {
        var (recorded, body) = RecordedTextAnswer(b =>
        {
            b.Remove("candidates");
            b["promptFeedback"] = new JsonObject { ["blockReason"] = "SAFETY" };
        });
        using var judge = Gemini(new RecordedHandler().Enqueue(recorded.ToReply(body)));

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Contains("blocked the prompt (blockReason SAFETY)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_candidates_are_an_error()
    {
        var (recorded, body) = RecordedTextAnswer(b => b["candidates"] = new JsonArray());
        using var judge = Gemini(new RecordedHandler().Enqueue(recorded.ToReply(body)));

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Contains("no candidates", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_stop_without_text_is_an_error()
    {
        var (recorded, body) = RecordedTextAnswer(b =>
        {
            b["candidates"]![0]!["content"]!["parts"] = new JsonArray();
            b["candidates"]![0]!["finishReason"] = "SAFETY";
        });
        using var judge = Gemini(new RecordedHandler().Enqueue(recorded.ToReply(body)));

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Contains("no text (finishReason SAFETY)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_is_a_transient_failure_but_a_callers_cancellation_stays_one()
    {
        var handler = new RecordedHandler().Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new TaskCanceledException("HttpClient.Timeout")));
        using var judge = Gemini(handler);
        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));
        Assert.True(e.IsTransient);
        Assert.Contains("did not answer in time", e.Message, StringComparison.Ordinal);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var cancelling = new RecordedHandler().Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new OperationCanceledException(cancelled.Token)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Gemini(cancelling).GetResponseAsync(Messages(), null, cancelled.Token));
    }

    [Fact]
    public async Task A_garbage_body_is_an_error()
    {
        var handler = new RecordedHandler().Enqueue(new Reply(HttpStatusCode.OK,
            () => new StringContent("upstream connect error", System.Text.Encoding.UTF8, "application/json")));
        using var judge = Gemini(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Contains("could not be read", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }
}
