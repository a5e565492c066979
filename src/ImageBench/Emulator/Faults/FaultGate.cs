using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// The faults answered before the provider accepts the work (429, 500, 502, 503, 401, 402, persistent 503), in the
/// family's own error shape; and, for a create call, the moment the work is accepted, which is what a provider bills.
/// </summary>
internal sealed class FaultGate(EmulatorOptions options, EmulatorStats stats, CallPlanner planner)
{
    /// <summary>
    /// For a poll of a known job or a fetch of a known URL (<paramref name="key"/>): counts it for the model, draws its
    /// fault and writes it when it is a rejection. Returns the fault the answer must carry, or null when answered.
    /// </summary>
    public async Task<PlannedFault?> DrawAsync(HttpContext ctx, FaultSite site, string model, string prompt, string key, ErrorShape shape)
    {
        if (site == FaultSite.Delivery) stats.AttributeDelivery(model);
        else stats.AttributePoll(model);
        var fault = new PlannedFault(planner.FaultAt(site, model, prompt, key), site, model);
        return await RejectAsync(ctx, fault, shape).ConfigureAwait(false) ? null : fault;
    }

    /// <summary>Writes the planned fault when it is a rejection; true when a response was written.</summary>
    public async Task<bool> RejectAsync(HttpContext ctx, PlannedFault fault, ErrorShape shape)
    {
        if (fault.Kind == FaultKind.None || FaultKinds.Of(fault.Kind).Timing != FaultTiming.Rejects) return false;
        stats.CountFault(fault);
        if (fault.Kind == FaultKind.BadGatewayHtml)
        {
            await ResponseWriter.WriteAsync(ctx, 502, FaultPages.Gateway(502, "Bad Gateway"), "text/html").ConfigureAwait(false);
            return true;
        }
        (int status, string words) = fault.Kind switch
        {
            FaultKind.RateLimit => (429, "Rate limit exceeded, please retry later."),
            FaultKind.ServerError => (500, "Internal server error."),
            FaultKind.InvalidKey => (401, "Invalid API key provided."),
            FaultKind.NoCredit => (shape.NoCreditStatus, "Insufficient credits: add credits to your account to continue."),
            _ => (503, "Service temporarily unavailable."),
        };
        if (fault.Kind == FaultKind.RateLimit) RetryAfter.Apply(ctx.Response, options.ProfileFor(fault.Model).Failures, options.TimeScale);
        await ResponseWriter.WriteAsync(ctx, status, shape.Body(fault.Kind, status, words), shape.ContentType).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// For a create call: writes a planned rejection and returns false, or accepts the work and returns true. Accepted
    /// work that is not refused is counted as billed: every fault after this point may have cost the client money.
    /// </summary>
    public async Task<bool> AdmitAsync(HttpContext ctx, CallPlan plan, ErrorShape shape)
    {
        if (await RejectAsync(ctx, plan.Planned, shape).ConfigureAwait(false)) return false;
        if (plan.Refused) stats.CountRefusal(plan.Model);
        else stats.CountBilled(plan.Model);
        return true;
    }
}
