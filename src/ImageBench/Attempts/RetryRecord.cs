namespace ImageBench.Attempts;

/// <summary>
/// One failed try that was retried. Retries are never hidden: each one is stored with the attempt, and the time
/// spent in failed tries and waits is reported apart from the attempt's total latency.
/// </summary>
/// <param name="Try">1 for the first failed try, 2 for the second, …</param>
/// <param name="Phase">The phase the failed call belonged to (submit, generating, download, …).</param>
/// <param name="HttpStatus">The status of the failed call, or null for a network error.</param>
/// <param name="Reason">The provider's words or the exception message (never a credential).</param>
/// <param name="FailedCallMs">How long the failed call itself took.</param>
/// <param name="WaitMs">How long the runner waited before the next try.</param>
/// <param name="WaitSource">"retry-after-ms", "retry-after" or "backoff": where the wait came from.</param>
public sealed record RetryRecord(int Try, string Phase, int? HttpStatus, string Reason, double FailedCallMs, double WaitMs, string WaitSource);
