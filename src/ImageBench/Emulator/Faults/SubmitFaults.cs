using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Faults;

/// <summary>The transient submit-time faults (429 with Retry-After, 500, 503) in any provider's error shape.</summary>
internal static class SubmitFaults
{
    /// <summary>Writes the fault the plan asks for, if it is one of the status faults; true when a response was written.</summary>
    public static async Task<bool> TryWriteSubmitFaultAsync(HttpContext ctx, CallPlan plan, ModelProfile profile, EmulatorOptions options,
        EmulatorStats stats, Func<string, JsonObject> error, Func<int, string, JsonObject>? withStatus = null)
    {
        (int Status, string Message)? fault = plan.Fault switch
        {
            FaultKind.RateLimit => (429, "Rate limit exceeded. Please retry after the time in Retry-After."),
            FaultKind.ServerError => (500, "Internal Server Error"),
            FaultKind.Unavailable => (503, "Service Unavailable"),
            _ => null,
        };
        if (fault is not { } f) return false;
        stats.CountInjectedFailure();
        if (f.Status == 429) RetryAfter.Apply(ctx.Response, profile.Failures, options.TimeScale);
        await ResponseWriter.JsonAsync(ctx, f.Status, withStatus is null ? error(f.Message) : withStatus(f.Status, f.Message)).ConfigureAwait(false);
        return true;
    }
}
