namespace ImageBench.Providers.Http;

/// <summary>
/// Words that mark an error message as a moderation verdict rather than a fault. Used only where a provider has
/// no dedicated refusal code (or where its codes are undocumented), so the list is deliberately narrow.
/// </summary>
public static class ModerationWording
{
    private static readonly string[] Markers =
    [
        "moderation", "moderated", "content policy", "content_policy", "safety system", "safety check", "flagged",
        "nsfw", "inappropriate", "sensitive content", "prohibited content", "content filter", "content_filter",
    ];

    public static bool Matches(string? text) =>
        text is not null && Markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
}
