using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Rendering;

/// <summary>
/// EMULATOR-ONLY header <c>x-emulator-rendered-text</c>: the strings drawn on the image, as a URL-escaped JSON
/// array, so tests (and later OCR checks) know the ground truth including injected typos. Real providers never send it.
/// </summary>
public static class RenderedTextHeader
{
    public const string Name = "x-emulator-rendered-text";

    internal static void Set(HttpResponse response, IReadOnlyList<string> text) =>
        response.Headers[Name] = Uri.EscapeDataString(JsonSerializer.Serialize(text.ToArray(), StringArrayContext.Default.StringArray));

    /// <summary>Decodes the header value back to the drawn strings.</summary>
    public static IReadOnlyList<string> Parse(string headerValue) =>
        JsonSerializer.Deserialize(Uri.UnescapeDataString(headerValue), StringArrayContext.Default.StringArray) ?? [];
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class StringArrayContext : System.Text.Json.Serialization.JsonSerializerContext;
