using System.ClientModel;
using System.Runtime.CompilerServices;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// Turns the OpenAI SDK's exceptions into <see cref="JudgeClientException"/>: status, Retry-After and the
/// provider's sentence, with the key removed (OpenAI echoes part of a wrong key in its 401, and an SDK message
/// quotes the whole body). A body the SDK cannot read is a failure too, never an empty answer.
/// </summary>
internal sealed class JudgeErrorTranslation(IChatClient inner, string provider, string model, ApiKey key, TimeProvider time)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
        if (string.IsNullOrWhiteSpace(response.Text))
            throw new JudgeClientException($"judge {provider}:{model} answered with no text (finish reason {response.FinishReason?.Value ?? "none"})");
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The judge needs the whole JSON before it can use any of it: one response, replayed as updates.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    private JudgeClientException? Translate(Exception e, CancellationToken ct)
    {
        switch (e)
        {
            case JudgeClientException:
                return null;
            // The SDK's network timeout surfaces as a cancellation nobody asked for: it is a slow judge, not Ctrl-C.
            case OperationCanceledException:
                return ct.IsCancellationRequested ? null
                    : new JudgeClientException($"judge {provider}:{model} did not answer in time ({Scrub(e.Message)})", null, true, null, null);
            case ClientResultException { Status: > 0 } http:
                var raw = http.GetRawResponse();
                var body = raw?.Content?.ToString() ?? "";
                var hint = raw is null ? null : RetryAfter.Parse(Header(raw, RetryAfter.MsHeader), Header(raw, RetryAfter.Header), time.GetUtcNow());
                return new JudgeClientException(
                    $"judge {provider}:{model} answered HTTP {http.Status}: {ProviderWords.From(body, key)}",
                    http.Status, JudgeClientException.TransientStatus(http.Status), hint?.Wait, null);
            case ClientResultException or HttpRequestException:
                return new JudgeClientException($"judge {provider}:{model} could not be reached: {Scrub(e.Message)}", null, true, null, null);
            default:
                return new JudgeClientException($"judge {provider}:{model} sent an answer that could not be read ({e.GetType().Name}: {Scrub(e.Message)})");
        }
    }

    private string Scrub(string text) => ProviderWords.Truncate(ProviderWords.Redact(text, key));

    private static string? Header(System.ClientModel.Primitives.PipelineResponse response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;
}
