using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Storage;

namespace ImageBench.Reporting;

/// <summary>A results.json read back: what reports and tools work from.</summary>
public sealed record ResultsDocument(int SchemaVersion, RunManifest Manifest, IReadOnlyList<Attempt> Attempts, JsonObject? Summary)
{
    public void Deconstruct(out RunManifest manifest, out IReadOnlyList<Attempt> attempts)
    {
        manifest = Manifest;
        attempts = Attempts;
    }
}

/// <summary>Reads results.json as written by <see cref="ResultsJsonWriter"/>.</summary>
public static class ResultsJsonReader
{
    /// <exception cref="InvalidDataException">The file is not a results.json this version understands; the message says why.</exception>
    public static async Task<ResultsDocument> ReadAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        JsonNode? root;
        try
        {
            root = await JsonNode.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }
        return Parse(root, path);
    }

    public static ResultsDocument Parse(JsonNode? root, string source)
    {
        if (root is not JsonObject document) throw new InvalidDataException($"{source}: expected a JSON object at the top level");
        if (document["schema_version"] is not JsonValue versionNode || !versionNode.TryGetValue<int>(out var version))
            throw new InvalidDataException($"{source}: no schema_version; not an ImageBench results.json");
        if (version != ResultsJsonWriter.SchemaVersion)
            throw new InvalidDataException($"{source} has schema_version {version}; this ImageBench reads {ResultsJsonWriter.SchemaVersion}");
        try
        {
            var manifest = document["manifest"].Deserialize<RunManifest>(ResultJson.Options)
                ?? throw new InvalidDataException($"{source}: manifest is null");
            var attempts = document["attempts"].Deserialize<List<Attempt>>(ResultJson.Options)
                ?? throw new InvalidDataException($"{source}: attempts is null");
            var summary = document["summary"] as JsonObject;
            return new ResultsDocument(version, manifest, attempts, summary?.DeepClone().AsObject());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }
}
