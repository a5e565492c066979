using ImageBench.Configuration;

namespace ImageBench.Catalog;

/// <summary>The models ImageBench knows: the shipped catalog, then the user's file on top of it.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelEntry> _models;

    public ModelCatalog(IEnumerable<ModelEntry> models) =>
        _models = models.ToDictionary(m => m.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<ModelEntry> Models => _models.Values;

    public bool TryGet(string id, out ModelEntry entry) => _models.TryGetValue(id, out entry!);

    /// <summary>The entry for <paramref name="id"/>, or an <see cref="InputException"/> listing what exists.</summary>
    public ModelEntry Get(string id) =>
        _models.TryGetValue(id, out var entry)
            ? entry
            : throw new InputException($"unknown model '{id}' (known: {string.Join(", ", _models.Keys.Order(StringComparer.Ordinal))}; add it with --models-file)");

    /// <summary>The shipped catalog, with <paramref name="userFile"/> merged on top when given.</summary>
    public static ModelCatalog Load(string? userFile = null)
    {
        var models = CatalogLoader.Parse(ShippedText(), "(shipped catalog) models.yaml", new Dictionary<string, ModelEntry>());
        if (userFile is not null)
        {
            if (!File.Exists(userFile)) throw new InputException($"{userFile}: models file not found");
            models = CatalogLoader.Parse(File.ReadAllText(userFile), userFile, models);
        }
        return new ModelCatalog(models.Values);
    }

    /// <summary>
    /// The same model served from <paramref name="baseUrl"/> (the emulator, a recording proxy). The poll interval is
    /// scaled with the emulator's clock so that polling resolution stays the same share of the latency.
    /// </summary>
    public static ModelEntry Rebase(ModelEntry model, Uri baseUrl, double pollScale = 1.0) => model with
    {
        BaseUrl = baseUrl,
        PollInterval = TimeSpan.FromMilliseconds(Math.Max(1, model.PollInterval.TotalMilliseconds * pollScale)),
    };

    private static string ShippedText()
    {
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream("ImageBench.Catalog.models.yaml")
            ?? throw new InvalidOperationException("shipped catalog resource missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
