using System.ClientModel;
using System.ClientModel.Primitives;
using ImageBench.Providers;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// A judge on any OpenAI-compatible chat completions API (OpenAI, OpenRouter, gateways, the emulator) through
/// Microsoft.Extensions.AI.OpenAI: the image goes as an image_url part with a data: URL, the system prompt as a
/// system message. The SDK's own retries are off so one call is one request and retrying stays the scorer's
/// decision; its errors become <see cref="JudgeClientException"/> with the key scrubbed.
/// </summary>
public static class OpenAICompatibleJudge
{
    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1");
    public static readonly Uri OpenRouterEndpoint = new("https://openrouter.ai/api/v1");

    public static IChatClient Create(HttpClient http, Uri endpoint, string model, ApiKey key, string providerName, JudgeClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(key);
        options ??= new JudgeClientOptions();
        var sdkOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        var chat = new ChatClient(model, new ApiKeyCredential(key.Reveal()), sdkOptions).AsIChatClient();
        return new JudgeErrorTranslation(JudgeDefaults.Apply(chat), providerName, model, key, options.Time);
    }
}
