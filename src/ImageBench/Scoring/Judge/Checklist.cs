using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ImageBench.Scoring.Judge;

/// <summary>The questions a judge asks of one prompt's images, parents before children.</summary>
/// <param name="Frozen">True when the suite wrote the checklist out (asked verbatim); false when derived from the expectations.</param>
public sealed record Checklist(IReadOnlyList<ChecklistItem> Items, bool Frozen)
{
    public IReadOnlyList<JudgeQuestion> Questions => Items.Select(i => i.ToQuestion()).ToList();

    /// <summary>
    /// Hash of everything the judge's verdict depends on besides the image: ids, questions, dependencies,
    /// capabilities. Used as the judge's cache key part, so rewording a derived question or freezing an edited
    /// checklist re-scores, and nothing else does.
    /// </summary>
    public string Hash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Items))))[..16];
}
