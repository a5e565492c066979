using System.Net;
using System.Text.Json.Nodes;
using ImageBench.Scoring.Judge;
using ImageBench.Scoring.Judge.Clients;
using ImageBench.Tests.Support;
using Microsoft.Extensions.AI;
using static ImageBench.Tests.Scoring.Judge.Clients.JudgeCalls;

namespace ImageBench.Tests.Scoring.Judge.Clients;

public sealed class OpenAICompatibleJudgeTests
{
    private static readonly Uri ChatUrl = new("https://openrouter.ai/api/v1/chat/completions");

    private static IChatClient OpenRouter(RecordedHandler handler) => JudgeClients.Create("openrouter:google/gemini-2.5-flash", Http(handler),
        new JudgeClientOptions { Environment = name => name == JudgeClients.OpenRouterKeyEnv ? Secret : null });

    /// <summary>
    /// The envelope is the recorded OpenRouter chat.completion (litellm fixture: id, model, provider, usage with cost,
    /// reasoning_details, images — all kept as recorded); only message.content, null there because that call made an
    /// image, is substituted with a judge's JSON answer.
    /// </summary>
    private static string RecordedEnvelopeWithAnswer(string? content)
    {
        var body = JsonNode.Parse(Fixtures.Read("openrouter", "litellm_openrouter_gemini_image_response.TRIMMED.json"))!.AsObject();
        body["choices"]![0]!["message"]!["content"] = content;
        return body.ToJsonString();
    }

    [Fact]
    public async Task Sends_the_system_prompt_the_image_as_a_png_data_url_and_temperature_0_to_the_gateway()
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.OK, RecordedEnvelopeWithAnswer(Answer), ChatUrl);
        using var judge = OpenRouter(handler);

        await judge.GetResponseAsync(Messages());

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("Bearer " + Secret, request.Headers["Authorization"]);
        var body = request.BodyJson;
        Assert.Equal("google/gemini-2.5-flash", (string)body["model"]!);
        Assert.Equal(0, (double)body["temperature"]!);
        var messages = body["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.Equal("system", (string)messages[0]!["role"]!);
        Assert.Equal(JudgeProtocol.SystemPrompt, TextOf(messages[0]!["content"]!));
        Assert.Equal("user", (string)messages[1]!["role"]!);
        var parts = messages[1]!["content"]!.AsArray();
        var image = parts.Single(p => (string)p!["type"]! == "image_url");
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(Png), (string)image!["image_url"]!["url"]!);
        var text = parts.Single(p => (string)p!["type"]! == "text");
        Assert.Equal(Questions, JudgeProtocol.QuestionsIn((string)text!["text"]!));
    }

    [Fact]
    public async Task Reads_the_answer_and_usage_from_the_recorded_envelope()
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.OK, RecordedEnvelopeWithAnswer(Answer), ChatUrl);
        using var judge = OpenRouter(handler);

        var response = await judge.GetResponseAsync(Messages());

        var reply = JudgeProtocol.Parse(response.Text, out var error);
        Assert.Null(error);
        Assert.Equal([new JudgeAnswer("q1", "no", 3), new JudgeAnswer("q2", "no")], reply!.Answers);
        // Recorded figures of that OpenRouter call.
        Assert.Equal(20, response.Usage!.InputTokenCount);
        Assert.Equal(1120, response.Usage.OutputTokenCount);
        Assert.Equal(1140, response.Usage.TotalTokenCount);
        Assert.Equal("google/gemini-3.1-flash-image", response.ModelId);
        Assert.Equal("gen-1791609075-orWHxiWi6jrmlp1hSMUV", response.ResponseId);
    }

    [Fact]
    public async Task A_caller_temperature_is_kept()
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.OK, RecordedEnvelopeWithAnswer(Answer), ChatUrl);
        using var judge = OpenRouter(handler);

        await judge.GetResponseAsync(Messages(), new ChatOptions { Temperature = 0.7f, Seed = 3 });

        Assert.Equal(0.7, (double)handler.Requests[0].BodyJson["temperature"]!, 3);
        Assert.Equal(3, (long)handler.Requests[0].BodyJson["seed"]!);
    }

    [Fact]
    public async Task A_401_names_the_status_and_the_providers_words_but_never_the_key()
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.Unauthorized,
            $$$"""{"error":{"message":"Incorrect API key provided: {{{Secret}}}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""");
        using var judge = OpenRouter(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Equal(401, e.StatusCode);
        Assert.False(e.IsTransient);
        Assert.Contains("HTTP 401", e.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_carries_retry_after_and_is_not_retried_by_the_sdk()
    {
        var handler = new RecordedHandler().Json((HttpStatusCode)429, """{"error":{"code":429,"message":"Rate limit exceeded: free-models-per-min.","metadata":null}}""",
            headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var judge = OpenRouter(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Equal(429, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Contains("Rate limit exceeded", e.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_500_is_transient()
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.InternalServerError, """{"error":{"message":"The server had an error while processing your request.","type":"server_error"}}""");
        using var judge = OpenRouter(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Equal(500, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Contains("server had an error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_garbage_body_is_an_error_with_a_message_not_an_empty_answer()
    {
        var handler = new RecordedHandler().Enqueue(new Reply(HttpStatusCode.OK,
            () => new StringContent("upstream connect error or disconnect/reset before headers", System.Text.Encoding.UTF8, "application/json")));
        using var judge = OpenRouter(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Contains("could not be read", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_text_is_an_error()
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.OK, RecordedEnvelopeWithAnswer(null), ChatUrl);
        using var judge = OpenRouter(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.Contains("no text", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "https://api.openai.com/v1/chat/completions")]
    [InlineData("https://gateway.example/llm/v1", "https://gateway.example/llm/v1/chat/completions")]
    public async Task Openai_judges_go_to_openai_or_the_base_url_from_the_environment(string? baseUrl, string expected)
    {
        var handler = new RecordedHandler().Json(HttpStatusCode.OK, RecordedEnvelopeWithAnswer(Answer), new Uri(expected));
        using var judge = JudgeClients.Create("openai:gpt-4.1-mini", Http(handler), new JudgeClientOptions
        {
            Environment = name => name switch { "OPENAI_API_KEY" => Secret, "OPENAI_BASE_URL" => baseUrl, _ => null },
        });

        await judge.GetResponseAsync(Messages());

        Assert.Equal("Bearer " + Secret, handler.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task A_network_timeout_is_a_transient_judge_failure_not_a_cancellation()
    {
        var handler = new RecordedHandler().Enqueue(new Reply(HttpStatusCode.OK, () => null, Throw: new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout")));
        using var judge = OpenRouter(handler);

        var e = await Assert.ThrowsAsync<JudgeClientException>(() => judge.GetResponseAsync(Messages()));

        Assert.True(e.IsTransient);
        Assert.Contains("did not answer in time", e.Message, StringComparison.Ordinal);
    }

    private static string TextOf(JsonNode content) =>
        content is JsonValue v ? (string)v! : string.Concat(content.AsArray().Select(p => (string?)p!["text"]));
}
