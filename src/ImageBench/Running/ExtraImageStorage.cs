using ImageBench.Attempts;
using ImageBench.Images;
using ImageBench.Providers;
using ImageBench.Storage;

namespace ImageBench.Running;

/// <summary>
/// Stores the images a call returned beyond the first exactly like the first: inspected from their bytes, checked
/// for being whole, content-addressed under images/. One that is unusable is listed with its problem, not dropped:
/// it came back and was paid for. Runs after the attempt's clock stopped (the disk is ours, not the provider's).
/// </summary>
internal static class ExtraImageStorage
{
    public static async Task<IReadOnlyList<ExtraImage>> StoreAsync(ImageFileStore images, IReadOnlyList<ReturnedImage> returned)
    {
        if (returned.Count == 0) return [];
        var stored = new List<ExtraImage>(returned.Count);
        foreach (var image in returned)
        {
            if (image.Bytes is not { Length: > 0 } bytes)
            {
                stored.Add(new ExtraImage(null, null, image.Seed, image.Failure ?? "the response held no image"));
                continue;
            }
            var inspection = ImageInspector.Inspect(bytes);
            if (inspection.Facts is not { } facts)
            {
                stored.Add(new ExtraImage(null, null, image.Seed, inspection.Error));
                continue;
            }
            if (ImageCompleteness.Check(bytes, facts.Format) is { } cutShort)
            {
                stored.Add(new ExtraImage(facts, null, image.Seed, cutShort));
                continue;
            }
            var path = await images.SaveAsync(bytes, facts, CancellationToken.None).ConfigureAwait(false);
            stored.Add(new ExtraImage(facts, path, image.Seed, null));
        }
        return stored;
    }
}
