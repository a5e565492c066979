using System.Text;
using ImageBench.Attempts;

namespace ImageBench.Providers.Http;

/// <summary>A provider's error classifier: HTTP status and body text → outcome and a key-free reason.</summary>
public delegate (AttemptOutcome Outcome, string Reason) HttpErrorClassifier(int status, string body, ApiKey? secret);

/// <summary>A provider's response parser: body bytes → the parsed answer, or null with why.</summary>
public delegate (T? Value, string? Failure) JsonParser<T>(ReadOnlySpan<byte> body) where T : class;

/// <summary>One JSON call's answer: the body, or the failed result it became. <see cref="Status"/> is 0 when no answer arrived.</summary>
public sealed record JsonAnswer(byte[]? Body, int Status, GenerationResult? Failure);

/// <summary>One JSON call's parsed answer, or the failed result it became.</summary>
public sealed record JsonAnswer<T>(T? Value, int Status, GenerationResult? Failure) where T : class;

/// <summary>
/// One call of an asynchronous API (submit, poll, fetch a result): send with retries, read the capped body,
/// classify a non-2xx answer with the provider's own classifier, parse. Every way it can go wrong — a network
/// failure that outlasted the retries, an error status, a cut-short body, garbage — comes back as a failed
/// result with its HTTP status, never as an exception, so each adapter's submit and poll code says only what
/// differs between providers.
/// </summary>
public static class JsonCall
{
    /// <summary>Job and status answers are small; 4 MiB is far beyond any real one.</summary>
    public const long SmallBodyCap = 4L * 1024 * 1024;

    /// <param name="billing">Whether the call creates paid work (a submit or create) or is free to repeat (a poll, a result fetch).</param>
    /// <param name="step">Words for a network failure: "on submit", "while polling".</param>
    /// <param name="secret">The key to scrub from every reason, even when it is not sent on this call.</param>
    public static async Task<JsonAnswer> SendAsync(
        ProviderHttp http, Func<HttpRequestMessage> build, AttemptRecorder recorder, RetryPolicy policy, string phase, CallBilling billing,
        string step, ApiKey? secret, HttpErrorClassifier classify, CancellationToken ct, long cap = SmallBodyCap)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(billing);
        ArgumentNullException.ThrowIfNull(classify);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(build, recorder, policy, phase, billing, ct, secret).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryPolicy.IsRetryableException(e) && !ct.IsCancellationRequested)
        {
            return new(null, 0, GenerationResult.Failed(AttemptOutcome.ProviderError, billing.NetworkErrorReason(step, e, secret)));
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var read = await BodyReader.ReadAsync(response, cap, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = read.Bytes is { } b ? Encoding.UTF8.GetString(b) : $"({read.Failure})";
                var (outcome, reason) = classify(status, text, secret);
                return new(null, status, GenerationResult.Failed(outcome, reason, status));
            }
            if (read.Ok) return new(read.Bytes, status, null);
            // A 2xx answer to a create was billed even though we lost it; a poll's lost answer costs nothing more.
            return new(null, status, billing.IsBillable
                ? GenerationResult.AnswerLost(read.Failure!, status)
                : GenerationResult.Failed(AttemptOutcome.InvalidResponse, read.Failure!, status));
        }
    }

    /// <summary>As <see cref="SendAsync"/>, then parses a 2xx body; an unparseable one is an invalid response.</summary>
    public static async Task<JsonAnswer<T>> SendAsync<T>(
        ProviderHttp http, Func<HttpRequestMessage> build, AttemptRecorder recorder, RetryPolicy policy, string phase, CallBilling billing,
        string step, ApiKey? secret, HttpErrorClassifier classify, JsonParser<T> parse, CancellationToken ct, long cap = SmallBodyCap) where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        var answer = await SendAsync(http, build, recorder, policy, phase, billing, step, secret, classify, ct, cap).ConfigureAwait(false);
        if (answer.Failure is not null) return new(null, answer.Status, answer.Failure);
        var (value, failure) = parse(answer.Body);
        return value is null
            ? new(null, answer.Status, GenerationResult.Failed(AttemptOutcome.InvalidResponse, failure ?? "the answer could not be parsed", answer.Status))
            : new(value, answer.Status, null);
    }
}
