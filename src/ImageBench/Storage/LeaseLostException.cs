namespace ImageBench.Storage;

/// <summary>
/// A write needed a live claim and the caller no longer holds one (its lease ran out and another process took
/// the slot). Nothing was written; the caller must not send.
/// </summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException(string message) : base(message) { }

    public LeaseLostException() { }

    public LeaseLostException(string message, Exception inner) : base(message, inner) { }
}
