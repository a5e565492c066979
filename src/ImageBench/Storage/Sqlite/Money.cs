namespace ImageBench.Storage.Sqlite;

/// <summary>Dollars as whole micro-dollars in the ledger, so sums of costs and reservations are exact in SQL.</summary>
internal static class Money
{
    public static long ToMicro(decimal usd) => (long)decimal.Round(usd * 1_000_000m, MidpointRounding.AwayFromZero);

    public static decimal FromMicro(long micro) => micro / 1_000_000m;
}
