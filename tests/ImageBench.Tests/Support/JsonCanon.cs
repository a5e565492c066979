using System.Text.Json.Nodes;

namespace ImageBench.Tests.Support;

/// <summary>JSON text with object keys sorted, so bodies that differ only in key order compare equal.</summary>
public static class JsonCanon
{
    public static string Of(JsonNode? node) => Sort(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
