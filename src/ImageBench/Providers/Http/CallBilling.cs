namespace ImageBench.Providers.Http;

/// <summary>
/// Whether sending a call can cost money. A <em>billable</em> call creates paid work (the generation POST of a
/// synchronous API, the submit or create of an asynchronous one): the provider may charge for it as soon as it has
/// read the request, whether or not its answer ever reaches us, so sending it again after a dropped connection can
/// pay twice for one slot. A <em>free</em> call (a poll, a result fetch, a signed-URL download) costs nothing to
/// repeat. This is the question retries must ask — not whether the API is synchronous or asynchronous.
/// </summary>
public sealed class CallBilling
{
    private int _unanswered;

    private CallBilling(bool billable) => IsBillable = billable;

    /// <summary>Polls, result fetches, downloads: retried by the usual rules.</summary>
    public static CallBilling Free { get; } = new(false);

    /// <summary>True when the call creates paid work.</summary>
    public bool IsBillable { get; }

    /// <summary>Sends of this billable call whose answer never arrived (each may have been billed), retried ones included.</summary>
    public int UnansweredSends => _unanswered;

    /// <summary>
    /// Runs one generation with a fresh billable create call and stamps the result with how many of the create's
    /// sends went unanswered. The only way to obtain a billable call, so no adapter can create paid work without
    /// the count reaching its result.
    /// </summary>
    public static async Task<GenerationResult> CreatingPaidWorkAsync(Func<CallBilling, Task<GenerationResult>> generate)
    {
        ArgumentNullException.ThrowIfNull(generate);
        var create = new CallBilling(true);
        var result = await generate(create).ConfigureAwait(false);
        return create.UnansweredSends == 0 ? result : result with { UnansweredPaidCalls = create.UnansweredSends };
    }

    internal void CountUnanswered()
    {
        if (IsBillable) Interlocked.Increment(ref _unanswered);
    }

    /// <summary>
    /// The reason for a call that ended in a network failure. When a billable send went unanswered it says so: the
    /// provider may have done (and charged for) the work.
    /// </summary>
    internal string NetworkErrorReason(string step, Exception e, ApiKey? secret)
    {
        ArgumentNullException.ThrowIfNull(e);
        var words = $"network error{(step.Length == 0 ? "" : " " + step)}: {e.Message}";
        if (UnansweredSends > 0)
            words += UnansweredSends == 1
                ? "; the request may have reached the provider and may have been billed"
                : $"; {UnansweredSends} sends got no answer and each may have been billed";
        return ProviderWords.Redact(words, secret);
    }
}
