using System.Collections.Concurrent;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;

namespace ImageBench.Emulator.Delivery;

/// <summary>A file the delivery host will serve between <see cref="NotBefore"/> and <see cref="ExpiresAt"/>.</summary>
internal sealed record DeliveryEntry(Task<RenderedImage> Image, DateTimeOffset NotBefore, DateTimeOffset ExpiresAt, FaultKind Fault);

/// <summary>Files on the delivery host (BFL samples, dall-e URLs), kept for the server's lifetime.</summary>
internal sealed class DeliveryStore
{
    private readonly ConcurrentDictionary<string, DeliveryEntry> _entries = new(StringComparer.Ordinal);

    public void Add(string id, DeliveryEntry entry) => _entries[id] = entry;

    public DeliveryEntry? Find(string id) => _entries.GetValueOrDefault(id);
}
