using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Images;
using ImageBench.Storage;
using ImageBench.Storage.Sqlite;
using ImageBench.Suites;
using ImageBench.Tests.Support;

namespace ImageBench.Tests.Storage.Recovery;

/// <summary>
/// A finished run written through the real store: the seed-six suite × one catalog model, one repeat, each attempt
/// with its own image file — what the doctor salvages, with a plan and prices it can estimate from.
/// </summary>
internal static class RecoveryRuns
{
    public const string Model = "flux-1.1-pro";

    public static Suite Suite { get; } = SuiteLoader.Load(RepoPaths.File("suites", "seed-six.yaml"));

    public static ModelEntry Entry { get; } = ModelCatalog.Load().Get(Model);

    public static RunManifest Manifest() => SampleRuns.Manifest() with
    {
        SuiteName = Suite.Name,
        SuitePath = Suite.Path,
        SuiteSha256 = Suite.Sha256,
        Models = [Model],
        Repeat = 1,
        Catalog = [CatalogJson.ToJson(Entry)],
    };

    /// <summary>Writes the run; returns its attempts in the order they were stored (rowid order).</summary>
    public static async Task<IReadOnlyList<Attempt>> WriteAsync(string dir)
    {
        var images = new ImageFileStore(dir);
        var attempts = new List<Attempt>();
        await using var store = await SqliteRunStore.OpenAsync(dir, CancellationToken.None);
        await store.SaveOrLoadManifestAsync(Manifest(), CancellationToken.None);
        foreach (var (prompt, i) in Suite.Prompts.Select((p, i) => (p, i)))
        {
            var bytes = TestImages.Png(16 + i, 16);
            var facts = ImageInspector.Inspect(bytes).Facts!;
            var attempt = SampleRuns.Full(Model, prompt.Id, 0) with { Image = facts, ImagePath = await images.SaveAsync(bytes, facts, CancellationToken.None) };
            await store.SaveAttemptAsync(attempt, CancellationToken.None);
            attempts.Add(attempt);
        }
        return attempts;
    }

    /// <summary>Every image file of the run directory with a hash of its bytes.</summary>
    public static IReadOnlyDictionary<string, string> ImageFiles(string dir) =>
        Directory.EnumerateFiles(Path.Combine(dir, ImageFileStore.FolderName))
            .ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
