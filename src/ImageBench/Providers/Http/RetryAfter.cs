using System.Globalization;
using System.Net.Http.Headers;

namespace ImageBench.Providers.Http;

/// <summary>A server-requested wait and the header it came from ("retry-after-ms" or "retry-after").</summary>
public sealed record RetryAfterHint(TimeSpan Wait, string Source);

/// <summary>
/// Reads how long a server asked us to wait. OpenAI-style gateways send the precise <c>retry-after-ms</c>;
/// RFC 9110 <c>Retry-After</c> is either delta-seconds or an HTTP-date, which is measured against the attempt's
/// clock (not the machine's) so tests on a fake clock see the same arithmetic.
/// </summary>
public static class RetryAfter
{
    public const string MsHeader = "retry-after-ms";
    public const string Header = "retry-after";

    public static RetryAfterHint? From(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parse(First(response.Headers, MsHeader), First(response.Headers, Header), now);
    }

    /// <summary>Pure form for tests: the raw header values (null when absent) and the current time.</summary>
    public static RetryAfterHint? Parse(string? retryAfterMs, string? retryAfter, DateTimeOffset now)
    {
        if (retryAfterMs is not null
            && double.TryParse(retryAfterMs.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && double.IsFinite(ms) && ms >= 0 && ms < TimeSpan.MaxValue.TotalMilliseconds / 2)
            return new RetryAfterHint(TimeSpan.FromMilliseconds(ms), MsHeader);

        if (retryAfter is null) return null;
        var text = retryAfter.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return seconds <= (long)TimeSpan.MaxValue.TotalSeconds / 2
                ? new RetryAfterHint(TimeSpan.FromSeconds(seconds), Header)
                : null;
        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            var delta = date - now;
            return new RetryAfterHint(delta > TimeSpan.Zero ? delta : TimeSpan.Zero, Header);
        }
        return null;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
