using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Providers.Http;

/// <summary>Tolerant JSON field reading for response parsers: a wrong type reads as absent, never throws.</summary>
public static class JsonRead
{
    /// <summary>Parses a body; null plus a reason when it is not JSON.</summary>
    public static (JsonDocument? Doc, string? Failure) Parse(ReadOnlySpan<byte> body, string what)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return (JsonDocument.ParseValue(ref reader), null);
        }
        catch (JsonException e)
        {
            return (null, $"{what} is not JSON: {e.Message}");
        }
    }

    public static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? v : null;

    public static JsonElement? Object(JsonElement? parent, string name) => Child(parent, name) is { ValueKind: JsonValueKind.Object } o ? o : null;

    public static JsonElement? First(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 ? a[0] : null;

    public static string? Text(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    /// <summary>A string, or a number's raw text (error codes come as either).</summary>
    public static string? Code(JsonElement? parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        _ => null,
    };

    public static long? Long(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var v) ? v : null;

    public static decimal? Decimal(JsonElement? parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetDecimal(out var v) ? v : null;

    public static bool? Bool(JsonElement? parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>
    /// A catalog option (always a string) as the JSON the API expects: integers for <paramref name="integers"/>,
    /// decimals for <paramref name="numbers"/>, "true"/"false" as booleans, anything else as text.
    /// </summary>
    public static JsonNode? Option(string key, string value, IReadOnlySet<string>? integers = null, IReadOnlySet<string>? numbers = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (integers?.Contains(key) == true && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
            return JsonValue.Create(i);
        if (numbers?.Contains(key) == true && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        return JsonValue.Create(value);
    }
}
