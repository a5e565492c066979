using System.Text.Json.Nodes;
using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// The pieces every protocol added after OpenAI and BFL shares: the key check, the planned transient faults in the
/// protocol's own error shape, the scaled wait, and publishing a rendered image on the delivery host.
/// </summary>
internal sealed class EmulatedCall(EmulatorOptions options, EmulatorStats stats, DeliveryStore delivery, SignedUrls urls)
{
    public EmulatorOptions Options => options;
    public EmulatorStats Stats => stats;

    /// <summary>Counts the key and reports whether the call may proceed (a missing key is rejected when required).</summary>
    public bool KeyAccepted(bool hasKey)
    {
        stats.CountKey(hasKey);
        return hasKey || !options.RequireKey;
    }

    public static bool HasBearer(HttpContext ctx)
    {
        string auth = ctx.Request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) && auth.Length > "Bearer ".Length;
    }

    /// <summary>
    /// Answers a planned 429/500/503 with <paramref name="error"/>(status, words) and returns true; false when the
    /// plan holds no transient fault. 429s carry Retry-After like the real gateways.
    /// </summary>
    public async Task<bool> TransientFaultAsync(HttpContext ctx, CallPlan plan, string model, Func<int, string, JsonObject> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int status;
        string words;
        switch (plan.Fault)
        {
            case FaultKind.RateLimit:
                RetryAfter.Apply(ctx.Response, options.ProfileFor(model).Failures, options.TimeScale);
                (status, words) = (429, "Rate limit exceeded, please retry later.");
                break;
            case FaultKind.ServerError:
                (status, words) = (500, "Internal server error.");
                break;
            case FaultKind.Unavailable:
                (status, words) = (503, "Service temporarily unavailable.");
                break;
            default:
                return false;
        }
        stats.CountInjectedFailure();
        await ResponseWriter.JsonAsync(ctx, status, error(status, words)).ConfigureAwait(false);
        return true;
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, options.Time, ct) : Task.CompletedTask;

    /// <summary>Puts an image on the delivery host from <paramref name="notBefore"/> for <paramref name="lifetime"/>; returns its signed URL.</summary>
    public Uri Publish(string id, Task<RenderedImage> image, string format, DateTimeOffset notBefore, TimeSpan lifetime, FaultKind fault)
    {
        delivery.Add(id, new DeliveryEntry(image, notBefore, notBefore + lifetime, fault));
        return urls.For($"private/{id}.{format}", "image/" + format, notBefore + lifetime);
    }

    /// <summary>A stable id for this call, unique per (seed, model, prompt, call index).</summary>
    public static string Id(CallPlan plan, string prefix) =>
        $"{prefix}{plan.Seed:x16}{(ulong)plan.CallIndex:x8}";

    /// <summary>The quality the renderer uses for lossy formats in these protocols (none of them exposes one).</summary>
    public static int QualityFor(string format) => format == "png" ? 100 : 90;
}
