using System.Collections.Concurrent;
using System.Security.Cryptography;
using ImageBench.Storage;

namespace ImageBench.Web.Live;

/// <summary>
/// What each live page already shows: the slots that were done when the page was rendered, then as its stream
/// sent them. The stream starts from there, so an attempt landing between the page and the stream's first look is
/// sent, and a reconnecting stream does not send again what the page has. Forgotten a while after last use.
/// </summary>
public sealed class LiveViews(TimeProvider time)
{
    public static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, View> _views = new(StringComparer.Ordinal);

    private sealed record View(IReadOnlySet<SlotKey> Done, DateTimeOffset Touched);

    public string Register(IEnumerable<SlotKey> done)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _views.Where(v => now - v.Value.Touched > Forget).Select(v => v.Key).ToList()) _views.TryRemove(stale, out _);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _views[id] = new View(done.ToHashSet(), now);
        return id;
    }

    /// <summary>The slots the page of <paramref name="id"/> shows; null for a view this server does not know (restarted, forgotten).</summary>
    public IReadOnlySet<SlotKey>? Shown(string? id) =>
        id is not null && _views.TryGetValue(id, out var view) ? view.Done : null;

    public void Update(string? id, IReadOnlySet<SlotKey> done)
    {
        if (id is not null && _views.ContainsKey(id)) _views[id] = new View(done, time.GetUtcNow());
    }
}
