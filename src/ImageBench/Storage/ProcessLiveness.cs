using System.Diagnostics;

namespace ImageBench.Storage;

/// <summary>Whether a process on this host is still the one that registered as an owner.</summary>
public static class ProcessLiveness
{
    public static DateTimeOffset? StartTimeOf(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// False only when this host can tell the owner is gone: no such pid, or a pid now held by a process that
    /// started at another time. Owners on other hosts, and this process itself, are never judged here: leases decide.
    /// </summary>
    public static bool IsGone(LedgerOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (!string.Equals(owner.Host, Environment.MachineName, StringComparison.Ordinal)) return false;
        if (owner.Pid == Environment.ProcessId) return false;
        try
        {
            using var process = Process.GetProcessById(owner.Pid);
            if (process.HasExited) return true;
            var started = StartTimeOf(process);
            // Start times are read from /proc with clock-tick precision: allow a second of difference.
            return owner.ProcessStartedAt is { } then && started is { } now && Math.Abs((now - then).TotalSeconds) > 1;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
