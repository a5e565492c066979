using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Faults;

internal static class RetryAfter
{
    /// <summary>Retry-After in whole seconds (rounded up, as HTTP requires) and retry-after-ms (at least 1).</summary>
    public static TimeSpan Apply(HttpResponse response, FailureInjection failures, double timeScale)
    {
        var wait = TimeSpan.FromSeconds(failures.RetryAfterSeconds * timeScale);
        response.Headers["Retry-After"] = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.Headers["retry-after-ms"] = Math.Max(1L, (long)Math.Round(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        return wait;
    }
}
