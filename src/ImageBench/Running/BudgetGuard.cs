namespace ImageBench.Running;

/// <summary>
/// Stops a run before the next call could take spending past the budget. A call reserves its estimated cost
/// before it starts; when it ends the reservation is replaced by what it really cost. Once a reservation is
/// refused no later call starts, so the stopping point does not depend on which calls happen to finish first.
/// </summary>
public sealed class BudgetGuard
{
    private readonly Lock _lock = new();
    private readonly decimal? _limit;
    private decimal _spent;
    private decimal _reserved;

    public BudgetGuard(decimal? limitUsd, decimal alreadySpent = 0)
    {
        _limit = limitUsd;
        _spent = alreadySpent;
    }

    public bool Exhausted { get; private set; }
    public decimal Spent { get { lock (_lock) return _spent; } }
    public decimal? Limit => _limit;

    public bool TryReserve(decimal estimate)
    {
        lock (_lock)
        {
            if (Exhausted) return false;
            if (_limit is { } limit && _spent + _reserved + estimate > limit)
            {
                Exhausted = true;
                return false;
            }
            _reserved += estimate;
            return true;
        }
    }

    public void Settle(decimal estimate, decimal? actual)
    {
        lock (_lock)
        {
            _reserved -= estimate;
            _spent += actual ?? 0;
        }
    }
}
