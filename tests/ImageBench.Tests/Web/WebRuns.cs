using ImageBench.Attempts;

namespace ImageBench.Tests.Web;

/// <summary>The workspace the web tests serve: one run of each shape a page must cope with.</summary>
internal static class WebRuns
{
    public const string Article = "article";
    public const string ManyModels = "many-models";
    public const string Interrupted = "interrupted";
    public const string Broken = "broken";
    /// <summary>A run directory whose very name is markup.</summary>
    public const string Hostile = "x\"><img src=x onerror=window.__xss=6>";
    /// <summary>A prompt id no suite would accept, as a hand-edited or foreign store could hold it.</summary>
    public const string HostilePromptId = "p\"><img src=x onerror=window.__xss=5>";

    public static readonly string[] ManyModelIds = [.. Enumerable.Range(1, 20).Select(i => $"model-{i:00}")];

    public static async Task CreateAsync(string workspace, string suites)
    {
        var article = Suites.Write(suites, "article", Suites.Article);
        await new RunBuilder(Path.Combine(workspace, Article), article) { CreatedAt = new(2026, 5, 3, 9, 0, 0, TimeSpan.Zero) }
            .Model("gpt-image-2", "GPT Image 2").Model("flux-1.1-pro", "FLUX 1.1 Pro").Model("nano-banana", "Nano Banana")
            .Image("gpt-image-2", "coffee-poster", textPassed: true)
            .Image("flux-1.1-pro", "coffee-poster", 1024, 1536, textPassed: false)
            .Failure("nano-banana", "coffee-poster", AttemptOutcome.Refused, "Request Moderated")
            .Image("gpt-image-2", "bakery-flatlay", 1536, 1024, textPassed: true)
            .Image("flux-1.1-pro", "bakery-flatlay", textPassed: true)
            .Image("nano-banana", "bakery-flatlay", textPassed: false)
            .Image("gpt-image-2", "valley", 1792, 1024)
            .Image("flux-1.1-pro", "valley", 1440, 1024)
            .Image("nano-banana", "valley", 1024, 1024)
            .WriteAsync();

        var many = new RunBuilder(Path.Combine(workspace, ManyModels), article) { CreatedAt = new(2026, 5, 2, 9, 0, 0, TimeSpan.Zero) };
        foreach (var (id, i) in ManyModelIds.Select((id, i) => (id, i)))
        {
            many.Model(id, $"Model number {i + 1:00} with a long product name");
            many.Image(id, "coffee-poster", 256, i % 3 == 0 ? 384 : 256, textPassed: i % 4 != 0).Image(id, "valley", 384, 256);
        }
        await many.WriteAsync();

        await new RunBuilder(Path.Combine(workspace, Interrupted), article) { CreatedAt = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero) }
            .Model("gpt-image-2", "GPT Image 2").Model("flux-1.1-pro", "FLUX 1.1 Pro")
            .Image("gpt-image-2", "coffee-poster", 512, 512)
            .Sent("flux-1.1-pro", "coffee-poster")
            .WriteAsync();

        var hostile = Suites.Write(suites, "hostile", Suites.Hostile);
        await new RunBuilder(Path.Combine(workspace, Hostile), hostile) { CreatedAt = new(2026, 4, 30, 9, 0, 0, TimeSpan.Zero) }
            .Model("hostile-model", Suites.ImgOnError).Model("m2", Suites.SvgOnLoad)
            .Image("hostile-model", "hostile", 512, 512, textPassed: false)
            .Failure("m2", "hostile", AttemptOutcome.ProviderError, Suites.Script + Suites.ImgOnError)
            .Image("hostile-model", HostilePromptId, 512, 512)
            .WriteAsync();

        Directory.CreateDirectory(Path.Combine(workspace, Broken));
        await File.WriteAllTextAsync(Path.Combine(workspace, Broken, ImageBench.Storage.Sqlite.SqliteRunStore.FileName), "this is not a database");
    }
}
