using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// The JSON body faults, written once for every protocol: each works on the answer the endpoint built, so no family
/// needs to know about them. Each returns null when it does not apply to this body (a URL answer has no inline
/// image to break), and the answer then goes out unharmed and uncounted.
/// </summary>
internal static class BodyCorruption
{
    /// <summary>Inline images are long; nothing else in these protocols is a base64 string this long.</summary>
    private const int MinInlineImageChars = 256;

    public static byte[] Empty() => "{}"u8.ToArray();

    /// <summary>Same field names, every value of another JSON type: strings become numbers, numbers and booleans strings, arrays a string.</summary>
    public static byte[]? WrongTypes(byte[] body) =>
        Parse(body) is { } node ? ResponseWriter.Utf8(Flip(node)!) : null;

    /// <summary>Every inline image gets characters base64 does not have.</summary>
    public static byte[]? BadBase64(byte[] body) => ReplaceImages(body, b64 => b64[..(b64.Length / 2)] + "*?!" + b64[(b64.Length / 2)..]);

    /// <summary>Every inline image becomes valid base64 of bytes that are not an image.</summary>
    public static byte[]? NotImage(byte[] body) => ReplaceImages(body, _ => Convert.ToBase64String(FaultPages.NotAnImage));

    private static JsonNode? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Flip(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Flip(p.Value)))),
        JsonArray a => JsonValue.Create($"[{a.Count} items]"),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(((string)v!).Length),
        JsonValue v => JsonValue.Create(v.ToJsonString()),
        _ => null,
    };

    private static byte[]? ReplaceImages(byte[] body, Func<string, string> replace)
    {
        if (Parse(body) is not { } root) return null;
        int replaced = 0;
        var result = Walk(root, s =>
        {
            var comma = s.StartsWith("data:", StringComparison.Ordinal) ? s.IndexOf(";base64,", StringComparison.Ordinal) : -1;
            var (prefix, payload) = comma >= 0 ? (s[..(comma + 8)], s[(comma + 8)..]) : ("", s);
            if (payload.Length < MinInlineImageChars || !IsBase64(payload)) return null;
            replaced++;
            return prefix + replace(payload);
        });
        return replaced == 0 ? null : Encoding.UTF8.GetBytes(result!.ToJsonString(ResponseWriter.Json));
    }

    private static JsonNode? Walk(JsonNode? node, Func<string, string?> onString) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Walk(p.Value, onString)))),
        JsonArray a => new JsonArray(a.Select(x => Walk(x, onString)).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(onString((string)v!) ?? (string)v!),
        _ => node?.DeepClone(),
    };

    private static bool IsBase64(string s) => s.Length % 4 == 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=');
}
