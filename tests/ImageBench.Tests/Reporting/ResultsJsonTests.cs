using System.Text.Json;
using System.Text.Json.Nodes;
using ImageBench.Reporting;
using ImageBench.Storage;
using ImageBench.Tests.Storage;

namespace ImageBench.Tests.Reporting;

public sealed class ResultsJsonTests : IDisposable
{
    private readonly TempRunDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonObject Summary() => new()
    {
        ["models"] = new JsonObject { ["gpt-image-1"] = new JsonObject { ["samples"] = 1, ["p50_ms"] = 12345.5 } },
    };

    [Fact]
    public void An_attempt_serialises_exactly_as_the_committed_schema_snapshot()
    {
        Snapshot.Matches("attempt-ok.json", JsonSerializer.Serialize(SampleRuns.Full(), ResultJson.Options) + "\n");
        Snapshot.Matches("attempt-refused.json", JsonSerializer.Serialize(SampleRuns.Refused(), ResultJson.Options) + "\n");
    }

    [Fact]
    public void A_whole_results_document_matches_the_committed_snapshot()
    {
        var text = ResultsJsonWriter.Serialize(SampleRuns.Manifest(), [SampleRuns.Full(), SampleRuns.Refused()], Summary());
        Snapshot.Matches("results.json", text);
    }

    [Fact]
    public async Task Written_results_read_back_identically_and_no_temp_file_is_left()
    {
        var path = Path.Combine(_dir.Path, ResultsJsonWriter.FileName);
        var manifest = SampleRuns.Manifest();
        var attempts = new[] { SampleRuns.Full(), SampleRuns.Refused() };

        await ResultsJsonWriter.WriteAsync(path, manifest, attempts, Summary(), CancellationToken.None);
        var document = await ResultsJsonReader.ReadAsync(path);
        var (readManifest, readAttempts) = document;

        Assert.Equal(ResultsJsonWriter.SchemaVersion, document.SchemaVersion);
        Assert.Equal(SampleRuns.Canonical(manifest), SampleRuns.Canonical(readManifest));
        Assert.Equal(attempts.Select(SampleRuns.Canonical), readAttempts.Select(SampleRuns.Canonical));
        Assert.Equal(12345.5, document.Summary!["models"]!["gpt-image-1"]!["p50_ms"]!.GetValue<double>());
        Assert.Equal(ResultsJsonWriter.Serialize(manifest, attempts, Summary()), await File.ReadAllTextAsync(path));
        Assert.Equal([path], _dir.AllFiles());
    }

    [Fact]
    public async Task Rewriting_replaces_the_file_and_a_null_summary_is_written_as_null()
    {
        var path = Path.Combine(_dir.Path, ResultsJsonWriter.FileName);
        await ResultsJsonWriter.WriteAsync(path, SampleRuns.Manifest(), [SampleRuns.Full()], Summary(), CancellationToken.None);
        await ResultsJsonWriter.WriteAsync(path, SampleRuns.Manifest(), [], null, CancellationToken.None);

        var document = await ResultsJsonReader.ReadAsync(path);

        Assert.Empty(document.Attempts);
        Assert.Null(document.Summary);
        Assert.Contains("\"summary\": null", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        Assert.Single(_dir.AllFiles());
    }

    [Fact]
    public async Task Another_schema_version_or_not_json_is_refused_with_a_reason()
    {
        var path = Path.Combine(_dir.Path, ResultsJsonWriter.FileName);
        await File.WriteAllTextAsync(path, ResultsJsonWriter.Serialize(SampleRuns.Manifest(), [], null).Replace("\"schema_version\": 1", "\"schema_version\": 99", StringComparison.Ordinal));
        var newer = await Assert.ThrowsAsync<InvalidDataException>(() => ResultsJsonReader.ReadAsync(path));
        Assert.Contains("schema_version 99", newer.Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, "<html>");
        var garbage = await Assert.ThrowsAsync<InvalidDataException>(() => ResultsJsonReader.ReadAsync(path));
        Assert.Contains("not valid JSON", garbage.Message, StringComparison.Ordinal);

        await File.WriteAllTextAsync(path, "{\"attempts\": []}");
        Assert.Contains("no schema_version", (await Assert.ThrowsAsync<InvalidDataException>(() => ResultsJsonReader.ReadAsync(path))).Message, StringComparison.Ordinal);
    }
}
