using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImageBench.Suites;

namespace ImageBench.Scoring;

/// <summary>
/// What a score depends on: the image's bytes, the scorer and its version, and the expectations it checked.
/// The same key never needs scoring twice.
/// </summary>
public sealed record ScoreKey(string ImageSha256, string Scorer, string Version, string ExpectationsHash)
{
    public static ScoreKey For(string imageSha256, IScorer scorer, Expectations expect) =>
        new(imageSha256, scorer.Name, scorer.Version, scorer.ExpectationsHash(expect));

    public static string HashOf(Expectations expect) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(expect))))[..16];
}
