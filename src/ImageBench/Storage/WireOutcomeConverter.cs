using System.Text.Json;
using System.Text.Json.Serialization;
using ImageBench.Attempts;

namespace ImageBench.Storage;

/// <summary>Writes outcomes as their wire names so stored data never depends on C# enum member names or order.</summary>
public sealed class WireOutcomeConverter : JsonConverter<AttemptOutcome>
{
    public override AttemptOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"outcome must be a string, found {reader.TokenType}");
        var value = reader.GetString()!;
        try
        {
            return AttemptOutcomeNames.FromWire(value);
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, AttemptOutcome value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToWire());
}
