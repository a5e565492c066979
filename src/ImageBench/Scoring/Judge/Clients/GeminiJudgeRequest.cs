using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// A generateContent body from chat messages: system messages become systemInstruction, user and assistant turns
/// become contents with roles "user" and "model", images go inline as base64 (inline_data), and generationConfig
/// carries temperature (0 by default) and a JSON response type.
/// </summary>
internal static class GeminiJudgeRequest
{
    public static JsonObject Build(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var system = new JsonArray();
        var contents = new JsonArray();
        foreach (var message in messages)
        {
            var parts = new JsonArray();
            foreach (var content in message.Contents) parts.Add(Part(content));
            if (parts.Count == 0) continue;
            if (message.Role == ChatRole.System) foreach (var p in parts) system.Add(p!.DeepClone());
            else contents.Add(new JsonObject { ["role"] = message.Role == ChatRole.Assistant ? "model" : "user", ["parts"] = parts });
        }
        if (contents.Count == 0) throw new ArgumentException("a judge call needs at least one user message", nameof(messages));

        var config = new JsonObject { ["temperature"] = options?.Temperature ?? 0f };
        if (options?.ResponseFormat is not ChatResponseFormatText) config["responseMimeType"] = "application/json";
        if (options?.MaxOutputTokens is { } max) config["maxOutputTokens"] = max;
        if (options?.TopP is { } topP) config["topP"] = topP;
        if (options?.Seed is { } seed) config["seed"] = seed;

        var body = new JsonObject();
        if (system.Count > 0) body["systemInstruction"] = new JsonObject { ["parts"] = system };
        body["contents"] = contents;
        body["generationConfig"] = config;
        return body;
    }

    private static JsonObject Part(AIContent content) => content switch
    {
        TextContent text => new JsonObject { ["text"] = text.Text },
        DataContent data => new JsonObject
        {
            ["inline_data"] = new JsonObject { ["mime_type"] = data.MediaType, ["data"] = Convert.ToBase64String(data.Data.Span) },
        },
        _ => throw new NotSupportedException($"the Gemini judge client sends text and inline images only, not {content.GetType().Name}"),
    };
}
