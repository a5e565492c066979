namespace ImageBench.Tests.Support;

/// <summary>
/// Waits for another process to reach a state. This coordinates processes; it measures nothing — all latency
/// logic is tested on FakeTimeProvider.
/// </summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, int timeoutMs = 60_000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 20)
        {
            if (condition()) return true;
            await Task.Delay(20);
        }
        return condition();
    }
}
