using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ImageBench.Storage;

/// <summary>
/// The one set of JSON rules for everything ImageBench persists: the SQLite store's JSON columns and
/// results.json. Sharing them means an attempt read back from the store serialises byte-for-byte as it
/// would have been written straight to results.json.
/// </summary>
/// <remarks>
/// Choices (documented in docs/results-schema.md):
/// <list type="bullet">
/// <item>snake_case property names; outcomes as their wire names ("provider_error"), see <see cref="WireOutcomeConverter"/>.</item>
/// <item>Nulls are written explicitly: every field of the schema is present in every record, so a reader can
/// tell "not reported" (null) from "field missing because the writer is older" without guessing.</item>
/// <item>decimals (money) are JSON numbers with their scale kept (0.040 stays 0.040); doubles use the shortest
/// round-trip form. NaN and infinities are refused: a latency that is not a number is a bug, not data.</item>
/// <item>Text is written readably: non-ASCII (prompts, the "×" in cost sources) as is, quotes as \", and &lt; &gt; &amp;
/// unescaped (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>; "unsafe" only means "not HTML-safe").
/// Whoever embeds this JSON inside an HTML &lt;script&gt; must escape "&lt;/" there.</item>
/// <item>"\n" line endings on every platform so snapshot files compare equal.</item>
/// <item>Reading honours nullable annotations: a null where the schema has no null is an error, not a silent default.</item>
/// </list>
/// </remarks>
public static class ResultJson
{
    /// <summary>Indented: what results.json is written with.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>The same rules without indentation: what the store's JSON columns hold.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            WriteIndented = indented,
            NewLine = "\n",
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new WireOutcomeConverter());
        options.MakeReadOnly();
        return options;
    }
}
