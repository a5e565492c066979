using System.Collections.Concurrent;
using ImageBench.Emulator.Rendering;

namespace ImageBench.Emulator.Delivery;

/// <summary>
/// A file the delivery host will serve between <see cref="NotBefore"/> and <see cref="ExpiresAt"/>. Faults are not
/// fixed here: each fetch draws its own (docs/emulator.md), so a re-download of a URL that failed succeeds.
/// </summary>
internal sealed record DeliveryEntry(Task<RenderedImage> Image, DateTimeOffset NotBefore, DateTimeOffset ExpiresAt, string Model, string Prompt);

/// <summary>Files on the delivery host (BFL samples, dall-e URLs), kept for the server's lifetime.</summary>
internal sealed class DeliveryStore
{
    private readonly ConcurrentDictionary<string, DeliveryEntry> _entries = new(StringComparer.Ordinal);

    public void Add(string id, DeliveryEntry entry) => _entries[id] = entry;

    public DeliveryEntry? Find(string id) => _entries.GetValueOrDefault(id);
}
