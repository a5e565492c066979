using System.Text;
using ImageBench.Attempts;

namespace ImageBench.Providers.Http;

/// <summary>
/// A synchronous API's answer, read fully, with the headers copied out so the response can be disposed before
/// the adapter parses anything. <see cref="Body"/> holds the failure when the bytes were cut off or too many.
/// </summary>
public sealed record SyncAnswer(int Status, bool IsSuccess, BodyRead Body, IReadOnlyDictionary<string, string> Headers, string? ContentType)
{
    public string Text => Body.Bytes is { } b ? Encoding.UTF8.GetString(b) : $"({Body.Failure})";

    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>A synchronous call's parsed answer, or the failed result it became (with the answer when one arrived).</summary>
public sealed record SyncCall<T>(SyncAnswer? Answer, T? Value, GenerationResult? Failure) where T : class;

/// <summary>
/// The request/response shape shared by the synchronous image APIs (OpenRouter, Ark, Stability, Ideogram,
/// Recraft, DashScope's sync path): "generating" until the response headers arrive (retries included, as the
/// API cannot tell queueing from work), then "download" while the body is read and any result URL is fetched.
/// </summary>
public static class SyncExchange
{
    /// <summary>
    /// Sends and reads the answer; a network failure that outlasted the retries (or, the call being
    /// <paramref name="create"/>, that may have come after the provider read it) comes back as a reason.
    /// </summary>
    /// <param name="create">The slot's billable generation call (see <see cref="CallBilling.CreatingPaidWorkAsync"/>).</param>
    public static async Task<(SyncAnswer? Answer, string? NetworkError)> SendAsync(
        ProviderHttp http, Func<HttpRequestMessage> build, AttemptRecorder recorder, RetryPolicy policy, CallBilling create, ApiKey? key, long cap,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(create);
        recorder.BeginPhase(PhaseNames.Generating);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(build, recorder, policy, PhaseNames.Generating, create, ct, key).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryPolicy.IsRetryableException(e) && !ct.IsCancellationRequested)
        {
            return (null, create.NetworkErrorReason("", e, key));
        }
        using (response)
        {
            recorder.BeginPhase(PhaseNames.Download);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers) headers[name] = string.Join(", ", values);
            foreach (var (name, values) in response.Content.Headers) headers[name] = string.Join(", ", values);
            var read = await BodyReader.ReadAsync(response, cap, ct).ConfigureAwait(false);
            return (new SyncAnswer((int)response.StatusCode, response.IsSuccessStatusCode, read, headers,
                response.Content.Headers.ContentType?.MediaType), null);
        }
    }

    /// <summary>
    /// Sends, reads and parses: a network failure, an error status (classified by the provider), a cut-short body
    /// or an unparseable one comes back as <see cref="SyncCall{T}.Failure"/> without the request body, which
    /// the adapter adds. The answer is kept on failures too, for headers such as request ids.
    /// </summary>
    public static async Task<SyncCall<T>> SendParsedAsync<T>(
        ProviderHttp http, Func<HttpRequestMessage> build, AttemptRecorder recorder, RetryPolicy policy, CallBilling create, ApiKey? key, long cap,
        HttpErrorClassifier classify, JsonParser<T> parse, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(classify);
        ArgumentNullException.ThrowIfNull(parse);
        var (answer, network) = await SendAsync(http, build, recorder, policy, create, key, cap, ct).ConfigureAwait(false);
        if (answer is null) return new(null, null, GenerationResult.Failed(AttemptOutcome.ProviderError, network!));
        if (!answer.IsSuccess)
        {
            var (outcome, reason) = classify(answer.Status, answer.Text, key);
            return new(answer, null, GenerationResult.Failed(outcome, reason, answer.Status));
        }
        if (!answer.Body.Ok) return new(answer, null, GenerationResult.AnswerLost(answer.Body.Failure!, answer.Status));
        var (parsed, failure) = parse(answer.Body.Bytes);
        return parsed is null
            ? new(answer, null, GenerationResult.Failed(AttemptOutcome.InvalidResponse, failure ?? "the answer could not be parsed", answer.Status))
            : new(answer, parsed, null);
    }

    /// <summary>
    /// Fetches a result URL at once (they expire) and never with a credential: result URLs live on storage hosts
    /// (OSS, TOS, CDNs) that must not see the key. Fills the image fields of <paramref name="done"/>.
    /// </summary>
    public static async Task<GenerationResult> DownloadAsync(
        ProviderHttp http, Uri url, AttemptRecorder recorder, RetryPolicy policy, GenerationResult done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(done);
        recorder.BeginPhase(PhaseNames.Download);
        var download = await http.DownloadAsync(url, recorder, policy, BodyReader.DefaultCap, ct).ConfigureAwait(false);
        if (download.Bytes is null)
            return done with
            {
                Outcome = download.BodyInvalid ? AttemptOutcome.InvalidResponse : AttemptOutcome.ProviderError,
                Reason = download.Failure,
                HttpStatus = download.HttpStatus ?? done.HttpStatus,
                ImageBytes = null,
                // A result URL means the image was made and billed, whatever stopped us fetching it.
                ImageLostAfterBilling = true,
            };
        return done with
        {
            Outcome = AttemptOutcome.Ok,
            ImageBytes = download.Bytes,
            DeclaredContentType = download.ContentType ?? done.DeclaredContentType,
        };
    }

    /// <summary>True for an absolute http(s) URL; anything else from a provider is not fetched.</summary>
    public static bool IsHttpUrl(string? text, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)) return false;
        url = parsed;
        return true;
    }
}
