namespace ImageBench.Scoring.Image;

/// <summary>
/// How different the repeats of one prompt on one model are: the mean pairwise Hamming distance of their
/// perceptual hashes (0 = the same picture every time; about 32 = unrelated pictures).
/// </summary>
public static class SeedDiversity
{
    /// <summary>Mean over all pairs, or null with fewer than two images (nothing to compare).</summary>
    public static double? MeanHammingDistance(IReadOnlyList<ulong> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count < 2)
            return null;
        long total = 0, pairs = 0;
        for (int i = 0; i < hashes.Count; i++)
        {
            for (int j = i + 1; j < hashes.Count; j++)
            {
                total += PerceptualHash.Distance(hashes[i], hashes[j]);
                pairs++;
            }
        }
        return (double)total / pairs;
    }
}
