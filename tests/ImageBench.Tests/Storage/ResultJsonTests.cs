using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Storage;

namespace ImageBench.Tests.Storage;

public sealed class ResultJsonTests
{
    [Theory]
    [InlineData(AttemptOutcome.Ok, "ok")]
    [InlineData(AttemptOutcome.ProviderError, "provider_error")]
    [InlineData(AttemptOutcome.InvalidResponse, "invalid_response")]
    public void Outcomes_are_written_as_wire_names(AttemptOutcome outcome, string wire)
    {
        var json = JsonSerializer.Serialize(SampleRuns.Refused() with { Outcome = outcome }, ResultJson.Compact);
        Assert.Contains($"\"outcome\":\"{wire}\"", json, StringComparison.Ordinal);
        Assert.Equal(outcome, JsonSerializer.Deserialize<Attempt>(json, ResultJson.Compact)!.Outcome);
    }

    [Fact]
    public void Nulls_are_explicit_and_names_are_snake_case()
    {
        var json = JsonSerializer.Serialize(SampleRuns.Refused(), ResultJson.Compact);
        Assert.Contains("\"http_status\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"cost_usd\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"retry_overhead_ms\":0", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_outcomes_and_nulls_in_required_text_are_errors_not_defaults()
    {
        var json = JsonSerializer.Serialize(SampleRuns.Refused(), ResultJson.Compact);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Attempt>(json.Replace("\"refused\"", "\"exploded\"", StringComparison.Ordinal), ResultJson.Compact));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Attempt>(json.Replace("\"model\":\"flux-pro-1.1\"", "\"model\":null", StringComparison.Ordinal), ResultJson.Compact));
    }

    [Fact]
    public void Money_keeps_its_scale_and_text_stays_readable()
    {
        var json = JsonSerializer.Serialize(SampleRuns.Full(), ResultJson.Compact);
        Assert.Contains("\"cost_usd\":0.040", json, StringComparison.Ordinal);
        Assert.Contains("\"cost_source\":\"api-tokens×catalog\"", json, StringComparison.Ordinal);
        Assert.Contains("Café", json, StringComparison.Ordinal);
        Assert.Contains("“Café <Open>”", json, StringComparison.Ordinal);
    }
}
