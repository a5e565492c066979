using ImageBench.Configuration;
using ImageBench.Providers;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// Builds the vision judge named by a spec (see <see cref="JudgeSpec"/>). Keys come only from environment variables
/// and live inside the client; a missing key is an <see cref="InputException"/> (exit code 2) naming the variable.
/// Every client defaults to temperature 0 and throws <see cref="JudgeClientException"/> on failure.
/// </summary>
public static class JudgeClients
{
    public const string OpenAIKeyEnv = "OPENAI_API_KEY";
    /// <summary>Optional: points "openai:" judges at another OpenAI-compatible gateway (the SDK's own convention).</summary>
    public const string OpenAIBaseUrlEnv = "OPENAI_BASE_URL";
    public const string OpenRouterKeyEnv = "OPENROUTER_API_KEY";
    public const string GeminiKeyEnv = "GEMINI_API_KEY";
    public const string GoogleKeyEnv = "GOOGLE_API_KEY";

    /// <summary>The emulator accepts any key; this one marks the calls as ours in its stats.</summary>
    private const string EmulatorKey = "imagebench-emulator";

    /// <param name="http">Shared, owned by the caller; its handler decides proxies and connection reuse.</param>
    public static IChatClient Create(string spec, HttpClient http, JudgeClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        options ??= new JudgeClientOptions();
        var judge = JudgeSpec.Parse(spec);
        return judge.Provider switch
        {
            JudgeSpec.OpenAI => OpenAICompatibleJudge.Create(http, options.OpenAIEndpoint ?? BaseUrlFromEnvironment(options) ?? OpenAICompatibleJudge.OpenAIEndpoint,
                judge.Model, Key(options, judge, OpenAIKeyEnv), JudgeSpec.OpenAI, options),
            JudgeSpec.OpenRouter => OpenAICompatibleJudge.Create(http, OpenAICompatibleJudge.OpenRouterEndpoint,
                judge.Model, Key(options, judge, OpenRouterKeyEnv), JudgeSpec.OpenRouter, options),
            JudgeSpec.Gemini => JudgeDefaults.Apply(new GeminiJudgeClient(http, judge.Model, Key(options, judge, GeminiKeyEnv, GoogleKeyEnv), null, options)),
            _ => OpenAICompatibleJudge.Create(http, EmulatorJudgeUrl(options), judge.Model, new ApiKey(EmulatorKey), JudgeSpec.Emulated, options),
        };
    }

    /// <summary>The emulator's judge endpoint base: {emulator}/v1 (the client posts to chat/completions under it).</summary>
    public static Uri EmulatorJudgeUrl(JudgeClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = options.EmulatorBaseUrl
                   ?? throw new InputException("the emulated judge answers from the emulator's own drawings: run it with the emulator (--emulator)");
        return new Uri(root, "v1");
    }

    private static ApiKey Key(JudgeClientOptions options, JudgeSpec judge, params string[] variables)
    {
        foreach (var name in variables)
        {
            if (options.Environment(name) is { } value && !string.IsNullOrWhiteSpace(value)) return new ApiKey(value.Trim());
        }
        throw new InputException($"missing key: judge '{judge.Label}' needs the environment variable {string.Join(" or ", variables)} ({options.MissingKeyHint})");
    }

    private static Uri? BaseUrlFromEnvironment(JudgeClientOptions options) =>
        options.Environment(OpenAIBaseUrlEnv) is { Length: > 0 } text
            ? Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? url
                : throw new InputException($"{OpenAIBaseUrlEnv} must be an absolute http(s) URL such as https://gateway.example/v1, not '{text}'")
            : null;
}
