namespace ImageBench.Storage;

/// <summary>
/// A process working on a run. Its host, pid and process start time let another process on the same host see at
/// once that it died (a pid can be reused, its start time cannot), so a resume right after a kill need not wait
/// for the dead process's leases to run out.
/// </summary>
public sealed record LedgerOwner(string Id, string Host, int Pid, DateTimeOffset? ProcessStartedAt, DateTimeOffset StartedAt)
{
    /// <summary>This process, with a fresh id (two runners in one process are two owners).</summary>
    public static LedgerOwner ForThisProcess(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        using var me = System.Diagnostics.Process.GetCurrentProcess();
        var host = Environment.MachineName;
        return new LedgerOwner($"{host}:{me.Id}:{Guid.NewGuid().ToString("N")[..8]}", host, me.Id, ProcessLiveness.StartTimeOf(me), time.GetUtcNow());
    }
}

/// <summary>How an owner stopped working on a run, as the owners table records it.</summary>
public static class OwnerEndings
{
    public const string Finished = "finished";
    /// <summary>It stopped starting calls because the next would have passed the budget.</summary>
    public const string Budget = "budget";
    /// <summary>Ctrl-C or SIGTERM: the user stopped it.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>Another process found it gone without a word (SIGKILL, crash, power loss).</summary>
    public const string Died = "died";
    /// <summary>It stopped on an internal error.</summary>
    public const string Failed = "failed";
}
