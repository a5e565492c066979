using ImageBench.Storage;

namespace ImageBench.Running;

/// <summary>
/// Renews every claim of one owner every third of a lease, on the <see cref="TimeProvider"/>, so a live process
/// keeps its slots however long a generation takes. A failed renewal is tried again at the next beat; if
/// renewals keep failing the leases lapse and the ledger refuses this process's next send — it never sends
/// without a live claim.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly IAttemptLedger _ledger;
    private readonly string _owner;
    private readonly TimeSpan _lease;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private Task _beat = Task.CompletedTask;
    private bool _stopped;

    public LeaseHeartbeat(IAttemptLedger ledger, string owner, TimeSpan lease, TimeProvider time)
    {
        _ledger = ledger;
        _owner = owner;
        _lease = lease;
        var period = lease / 3;
        _timer = time.CreateTimer(_ => Beat(), null, period, period);
    }

    private void Beat()
    {
        lock (_lock)
        {
            // One renewal at a time: a slow disk must not pile them up.
            if (_stopped || !_beat.IsCompleted) return;
            _beat = RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            await _ledger.RenewAsync(_owner, _lease, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or ObjectDisposedException)
        {
            // Next beat tries again; see the class remarks for what happens if it never succeeds.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task last;
        lock (_lock)
        {
            _stopped = true;
            last = _beat;
        }
        await _timer.DisposeAsync().ConfigureAwait(false);
        await last.ConfigureAwait(false);
    }
}
