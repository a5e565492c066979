using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImageBench.Tests.Support;

/// <summary>One recorded exchange of a VCR cassette (vcrpy / pydantic-ai "interactions" YAML).</summary>
/// <param name="RequestBody">The request body as text (vcrpy <c>body</c>, or pydantic-ai <c>parsed_body</c> as JSON).</param>
/// <param name="ResponseBody">The response body as text (<c>content</c>, <c>body.string</c>, or <c>parsed_body</c> as JSON);
/// binary bodies are their base64 text.</param>
public sealed record VcrInteraction(
    string Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> RequestHeaders,
    string? RequestBody,
    int Status,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    string ResponseBody,
    bool ResponseIsBinary)
{
    public JsonNode? RequestJson => RequestBody is null ? null : JsonNode.Parse(RequestBody);

    public JsonNode? ResponseJson
    {
        get
        {
            try
            {
                return ResponseIsBinary ? null : Lenient(System.Text.Json.JsonDocument.Parse(ResponseBody).RootElement);
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Real Replicate answers repeat keys ("model" twice in run.yaml), which JsonNode.Parse rejects; the last one wins here,
    /// as in most JSON readers (the adapter itself reads with JsonDocument, which tolerates them).
    /// </summary>
    private static JsonNode? Lenient(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().Aggregate(new JsonObject(), (o, p) => { o[p.Name] = Lenient(p.Value); return o; }),
        System.Text.Json.JsonValueKind.Array => new JsonArray(e.EnumerateArray().Select(Lenient).ToArray()),
        System.Text.Json.JsonValueKind.Null => null,
        _ => JsonNode.Parse(e.GetRawText()),
    };

    /// <summary>A reply for <see cref="RecordedHandler"/>: recorded status, headers and (optionally rewritten) body.</summary>
    public Reply ToReply(string? body = null, TimeSpan serverTime = default)
    {
        var text = body ?? ResponseBody;
        var contentType = ResponseHeaders.GetValueOrDefault("Content-Type")?.Split(';')[0].Trim() ?? "application/json";
        return new Reply((HttpStatusCode)Status, () => new StringContent(text, Encoding.UTF8, contentType), ResponseHeaders, Uri,
            new HttpMethod(Method.ToUpperInvariant()), serverTime);
    }
}

/// <summary>
/// Reads VCR cassettes with YamlDotNet. Both dialects in the fixtures are handled: vcrpy (<c>body</c>,
/// <c>content</c>/<c>body.string</c>, <c>status_code</c> or <c>status.code</c>) and pydantic-ai (<c>parsed_body</c>).
/// </summary>
public static class VcrCassette
{
    public static IReadOnlyList<VcrInteraction> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
            stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var list = new List<VcrInteraction>();
        foreach (var item in ((YamlSequenceNode)root["interactions"]).Children.Cast<YamlMappingNode>())
        {
            var request = (YamlMappingNode)item["request"];
            var response = (YamlMappingNode)item["response"];
            var requestBody = Child(request, "parsed_body") is { } parsed ? ToJson(parsed)?.ToJsonString()
                : Child(request, "body") is YamlScalarNode { Value: { Length: > 0 } b } ? b : null;
            var (responseBody, binary) = ResponseBody(response);
            var status = Child(response, "status") is YamlMappingNode s ? Int(s["code"]) : Int(response["status_code"]);
            list.Add(new VcrInteraction(Scalar(request["method"]), new Uri(Scalar(request["uri"])), Headers(Child(request, "headers")),
                requestBody, status, Headers(Child(response, "headers")), responseBody, binary));
        }
        return list;
    }

    private static (string Body, bool Binary) ResponseBody(YamlMappingNode response)
    {
        if (Child(response, "parsed_body") is { } parsed) return (ToJson(parsed)?.ToJsonString() ?? "", false);
        if (Child(response, "content") is YamlScalarNode content) return (content.Value ?? "", false);
        if (Child(response, "body") is YamlMappingNode body && Child(body, "string") is YamlScalarNode text)
            return (text.Value ?? "", !text.Tag.IsEmpty && !text.Tag.IsNonSpecific && text.Tag.Value == "tag:yaml.org,2002:binary");
        return ("", false);
    }

    private static Dictionary<string, string> Headers(YamlNode? node)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (node is not YamlMappingNode map) return headers;
        foreach (var (key, value) in map.Children)
        {
            headers[Scalar(key)] = value is YamlSequenceNode seq ? string.Join(", ", seq.Children.Select(Scalar)) : Scalar(value);
        }
        return headers;
    }

    /// <summary>YAML to JSON: plain scalars that read as numbers, booleans or null become those; everything else a string.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(Scalar(p.Key), ToJson(p.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } s => Plain(s.Value ?? ""),
        YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
        _ => null,
    };

    private static JsonNode? Plain(string value)
    {
        if (value is "null" or "~" or "") return null;
        if (value is "true" or "false") return JsonValue.Create(value == "true");
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Any(char.IsDigit)) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static int Int(YamlNode node) => int.Parse(Scalar(node), CultureInfo.InvariantCulture);
}
