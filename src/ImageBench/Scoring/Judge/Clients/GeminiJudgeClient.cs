using System.Runtime.CompilerServices;
using System.Text;
using ImageBench.Providers;
using ImageBench.Providers.Http;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// A judge on the Gemini API (AI Studio): POST {base}v1beta/models/{model}:generateContent with x-goog-api-key.
/// Hand-written because no Gemini IChatClient is in the package set; it does only what a judge call needs (text and
/// inline images in, text and usage out) and never retries: failures are <see cref="JudgeClientException"/>s.
/// </summary>
public sealed class GeminiJudgeClient : IChatClient
{
    public static readonly Uri DefaultBaseUrl = new("https://generativelanguage.googleapis.com/");

    /// <summary>A judge answer is a few kilobytes; anything near this is not one.</summary>
    private const long BodyCap = 8L * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly string _model;
    private readonly ApiKey _key;
    private readonly Uri _baseUrl;
    private readonly JudgeClientOptions _options;
    private readonly ChatClientMetadata _metadata;

    public GeminiJudgeClient(HttpClient http, string model, ApiKey key, Uri? baseUrl = null, JudgeClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(key);
        _http = http;
        _model = model;
        _key = key;
        _baseUrl = baseUrl ?? DefaultBaseUrl;
        _options = options ?? new JudgeClientOptions();
        _metadata = new ChatClientMetadata(JudgeSpec.Gemini, _baseUrl, model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var model = options?.ModelId ?? _model;
        var body = GeminiJudgeRequest.Build(messages, options).ToJsonString();
        var url = new Uri(_baseUrl, $"v1beta/models/{Uri.EscapeDataString(model)}:generateContent");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("x-goog-api-key", _key.Reveal());

        using var timeout = new CancellationTokenSource(_options.Timeout, _options.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var read = await BodyReader.ReadAsync(response, BodyCap, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                var words = read.Bytes is { } bytes ? ProviderWords.From(Encoding.UTF8.GetString(bytes), _key) : read.Failure!;
                var hint = RetryAfter.From(response, _options.Time.GetUtcNow());
                throw new JudgeClientException($"judge gemini:{model} answered HTTP {status}: {words}", status, JudgeClientException.TransientStatus(status), hint?.Wait);
            }
            if (read.Bytes is null) throw new JudgeClientException($"judge gemini:{model}: {read.Failure}", null, true);
            return GeminiJudgeResponse.Parse(read.Bytes, model);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout or HttpClient.Timeout: a slow judge, not the caller cancelling.
            throw new JudgeClientException($"judge gemini:{model} did not answer in time (limit {_options.Timeout.TotalSeconds:0} s)", null, true);
        }
        catch (HttpRequestException e)
        {
            throw new JudgeClientException($"judge gemini:{model} could not be reached: {ProviderWords.Redact(e.Message, _key)}", null, true);
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A judge answer is only usable whole; streaming is one response replayed as updates.
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The HttpClient belongs to the caller.
    }
}
