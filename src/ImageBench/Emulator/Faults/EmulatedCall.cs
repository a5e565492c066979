using ImageBench.Emulator.Delivery;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// The pieces every protocol added after OpenAI and BFL shares: the key check, the fault gate, the scaled wait,
/// and publishing a rendered image on the delivery host.
/// </summary>
internal sealed class EmulatedCall(EmulatorOptions options, EmulatorStats stats, DeliveryStore delivery, SignedUrls urls, FaultGate gate)
{
    public EmulatorOptions Options => options;
    public EmulatorStats Stats => stats;
    public FaultGate Gate => gate;

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

    public Task DelayAsync(TimeSpan delay, CancellationToken ct) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, options.Time, ct) : Task.CompletedTask;

    /// <summary>Puts an image on the delivery host from <paramref name="notBefore"/> for <paramref name="lifetime"/>; returns its signed URL.</summary>
    public Uri Publish(string id, Task<RenderedImage> image, string format, DateTimeOffset notBefore, TimeSpan lifetime, CallPlan plan, string prompt)
    {
        delivery.Add(id, new DeliveryEntry(image, notBefore, notBefore + lifetime, plan.Model, prompt));
        return urls.For($"private/{id}.{format}", "image/" + format, notBefore + lifetime);
    }

    /// <summary>A stable id for this call, unique per (seed, model, prompt, call index).</summary>
    public static string Id(CallPlan plan, string prefix) =>
        $"{prefix}{plan.Seed:x16}{(ulong)plan.CallIndex:x8}";

    /// <summary>The quality the renderer uses for lossy formats in these protocols (none of them exposes one).</summary>
    public static int QualityFor(string format) => format == "png" ? 100 : 90;
}
