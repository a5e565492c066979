using System.Runtime.ExceptionServices;
using ImageBench.Attempts;

namespace ImageBench.Providers.Http;

/// <summary>
/// The one way adapters talk HTTP: send, and on a transient failure record the failed try on the attempt,
/// wait (server-requested or backoff) on the attempt's clock, and try again — a call that creates paid work
/// (<see cref="CallBilling"/>) only when it provably never reached the provider or was told 429/503, so one slot
/// is never paid twice. After the last retry the final failed response goes back to the adapter, which knows how
/// to read its provider's errors.
/// </summary>
public sealed class ProviderHttp
{
    private readonly HttpClient _http;
    private readonly Random _random;

    public ProviderHttp(HttpClient http, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _random = random ?? Random.Shared;
    }

    /// <summary>
    /// Sends the request built by <paramref name="build"/> (called once per try: a request message cannot be
    /// sent twice). Returns with headers read; the caller owns and disposes the response. Network errors that
    /// outlast the policy — or, for a <paramref name="billing"/> that creates paid work, any that may have come
    /// after the provider read the request — are rethrown; cancellation always propagates.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        Func<HttpRequestMessage> build, AttemptRecorder rec, RetryPolicy policy, string phase, CallBilling billing,
        CancellationToken ct, ApiKey? secret = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(rec);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(billing);
        var clientHasNoTimeout = _http.Timeout == Timeout.InfiniteTimeSpan;
        var waited = TimeSpan.Zero;
        for (var retry = 1; ; retry++)
        {
            var started = rec.Time.GetTimestamp();
            HttpResponseMessage? response = null;
            ExceptionDispatchInfo? error = null;
            var neverReached = false;
            using (var request = build())
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                    EmulatorMark.Note(response, rec);
                }
                catch (Exception e) when (RetryPolicy.IsRetryableException(e) && !ct.IsCancellationRequested)
                {
                    neverReached = RequestDelivery.NeverReached(e, clientHasNoTimeout);
                    error = ExceptionDispatchInfo.Capture(e);
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    // A handler-level timeout (e.g. ConnectTimeout) is a network failure, not the caller cancelling:
                    // letting it escape as a cancellation would make the runner report Ctrl-C or a deadline.
                    neverReached = RequestDelivery.NeverReached(e, clientHasNoTimeout);
                    var words = (e.InnerException as TimeoutException)?.Message ?? e.Message;
                    error = ExceptionDispatchInfo.Capture(new HttpRequestException($"request timed out: {words}", e));
                }
            }

            // A billable send that got no answer may have been charged, whether or not it is sent again.
            if (error is not null && !neverReached) billing.CountUnanswered();
            if (error is not null && !policy.MayRetry(billing, error.SourceException, neverReached))
                error.Throw();
            if (response is not null && !policy.MayRetry(billing, (int)response.StatusCode))
                return response;

            var hint = response is null ? null : RetryAfter.From(response, rec.Time.GetUtcNow());
            var wait = hint?.Wait ?? policy.Backoff(retry, _random);
            var giveUp = retry > policy.MaxRetries
                         || (hint is not null && hint.Wait > policy.MaxRetryAfter)
                         || waited + wait > policy.MaxTotalWait;
            if (giveUp)
            {
                // The unread final response is the caller's to classify with its provider's own error rules.
                if (response is not null) return response;
                error!.Throw();
            }

            string reason;
            int? status = null;
            if (response is not null)
            {
                using (response)
                {
                    status = (int)response.StatusCode;
                    reason = ProviderWords.From(await BodyReader.ReadWordsAsync(response, ct).ConfigureAwait(false), secret);
                }
            }
            else
            {
                reason = ProviderWords.Truncate(ProviderWords.Redact($"{error!.SourceException.GetType().Name}: {error.SourceException.Message}", secret));
            }

            var failedMs = rec.Time.GetElapsedTime(started).TotalMilliseconds;
            // Try numbers run across the whole attempt so several polls' retries stay distinguishable.
            rec.RecordRetry(new RetryRecord(rec.Retries.Count + 1, phase, status, reason, failedMs, wait.TotalMilliseconds, hint?.Source ?? "backoff"));
            waited += wait;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, rec.Time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Fetches a delivery URL (signed, so no credential is ever attached) and reads it fully. A body cut off
    /// mid-stream is retried like a network error while the policy allows, because re-reading a signed URL
    /// costs nothing; other non-2xx answers are reported, not retried beyond the status rules.
    /// </summary>
    public async Task<Download> DownloadAsync(Uri url, AttemptRecorder rec, RetryPolicy policy, long cap, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(rec);
        ArgumentNullException.ThrowIfNull(policy);
        for (var truncations = 0; ; truncations++)
        {
            var started = rec.Time.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), rec, policy, PhaseNames.Download, CallBilling.Free, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (RetryPolicy.IsRetryableException(e) && !ct.IsCancellationRequested)
            {
                return new Download(null, null, null, $"image download failed: {e.Message}", false);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (!response.IsSuccessStatusCode)
                {
                    var words = ProviderWords.From(await BodyReader.ReadWordsAsync(response, ct).ConfigureAwait(false));
                    return new Download(null, null, status, $"image download failed: HTTP {status}: {words}", false);
                }
                var body = await BodyReader.ReadAsync(response, cap, ct).ConfigureAwait(false);
                if (body.Ok)
                    return new Download(body.Bytes, response.Content.Headers.ContentType?.MediaType, status, null, false);
                var truncated = body.Failure!.StartsWith("body truncated", StringComparison.Ordinal);
                if (!truncated || truncations >= policy.MaxRetries)
                    return new Download(null, null, status, $"image download: {body.Failure}", true);
                var wait = policy.Backoff(truncations + 1, _random);
                rec.RecordRetry(new RetryRecord(rec.Retries.Count + 1, PhaseNames.Download, status, body.Failure,
                    rec.Time.GetElapsedTime(started).TotalMilliseconds, wait.TotalMilliseconds, "backoff"));
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, rec.Time, ct).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>The outcome of fetching a result URL. <see cref="BodyInvalid"/> separates "the bytes were broken"
/// (InvalidResponse) from "the server refused to hand them over" (ProviderError). Either way the provider had
/// handed over a result URL, so it had made — and billed — the image: it was lost, not unpaid
/// (<see cref="GenerationResult.ImageLostAfterBilling"/>).</summary>
public sealed record Download(byte[]? Bytes, string? ContentType, int? HttpStatus, string? Failure, bool BodyInvalid)
{
    /// <summary>The failed result a download without bytes becomes; <paramref name="reason"/> replaces <see cref="Failure"/> when given.</summary>
    public GenerationResult AsFailure(int? httpStatus, System.Text.Json.Nodes.JsonObject? request = null, string? reason = null) =>
        GenerationResult.Failed(BodyInvalid ? AttemptOutcome.InvalidResponse : AttemptOutcome.ProviderError, reason ?? Failure ?? "image download failed",
            HttpStatus ?? httpStatus, request) with { ImageLostAfterBilling = true };
}
