using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Storage;

namespace ImageBench.Reporting;

/// <summary>
/// Writes a run's results.json: <c>{ schema_version, manifest, attempts, summary }</c>, field by field as
/// documented in docs/results-schema.md. The file is replaced atomically, so a reader (or a crash) never sees
/// half of it.
/// </summary>
public static class ResultsJsonWriter
{
    /// <summary>Bump on any change that can make an older reader misread the file (removed or re-meant fields).</summary>
    public const int SchemaVersion = 1;

    public const string FileName = "results.json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = ResultJson.Options.Encoder,
    };

    public static Task WriteAsync(string path, RunManifest manifest, IReadOnlyList<Attempt> attempts, JsonObject? summary, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(attempts);
        return AtomicFile.WriteAsync(path, async (stream, token) =>
        {
            await using var writer = new Utf8JsonWriter(stream, WriterOptions);
            Write(writer, manifest, attempts, summary);
            await writer.FlushAsync(token).ConfigureAwait(false);
            await stream.WriteAsync("\n"u8.ToArray(), token).ConfigureAwait(false);
        }, ct);
    }

    /// <summary>The document as a string (for tests, and for tools that want it in memory).</summary>
    public static string Serialize(RunManifest manifest, IReadOnlyList<Attempt> attempts, JsonObject? summary)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Write(writer, manifest, attempts, summary);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, RunManifest manifest, IReadOnlyList<Attempt> attempts, JsonObject? summary)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schema_version", SchemaVersion);
        writer.WritePropertyName("manifest");
        JsonSerializer.Serialize(writer, manifest, ResultJson.Options);
        writer.WritePropertyName("attempts");
        writer.WriteStartArray();
        foreach (var attempt in attempts)
            JsonSerializer.Serialize(writer, attempt, ResultJson.Options);
        writer.WriteEndArray();
        writer.WritePropertyName("summary");
        if (summary is null) writer.WriteNullValue();
        else summary.WriteTo(writer, ResultJson.Options);
        writer.WriteEndObject();
    }
}
