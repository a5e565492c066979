using System.Text.Json.Nodes;

namespace ImageBench.Emulator.Fal;

/// <summary>fal answers errors FastAPI-style: {"detail": "…"} or {"detail":[{loc,msg,type}]} (shapes per fal's docs; no capture).</summary>
internal static class FalErrors
{
    public static JsonObject Detail(string message) => new() { ["detail"] = message };

    public static JsonObject Validation(string field, string type, string message) => new()
    {
        ["detail"] = new JsonArray(new JsonObject
        {
            ["loc"] = new JsonArray("body", field),
            ["msg"] = message,
            ["type"] = type,
        }),
    };
}
