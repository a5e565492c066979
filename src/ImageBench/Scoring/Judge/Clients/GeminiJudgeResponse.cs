using System.Text.Json;
using ImageBench.Providers.Http;
using Microsoft.Extensions.AI;

namespace ImageBench.Scoring.Judge.Clients;

/// <summary>
/// Reads a generateContent answer: the text parts of candidates[0], usageMetadata as usage, modelVersion and
/// responseId. A blocked prompt (promptFeedback.blockReason), no candidates, or a candidate without text (a safety
/// stop) is a <see cref="JudgeClientException"/>, not an empty reply.
/// </summary>
internal static class GeminiJudgeResponse
{
    public static ChatResponse Parse(byte[] body, string model)
    {
        var (doc, failure) = JsonRead.Parse(body, "Gemini generateContent answer");
        if (doc is null) throw new JudgeClientException($"judge gemini:{model} sent an answer that could not be read: {failure}");
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new JudgeClientException($"judge gemini:{model} sent JSON that is not an object");
            if (JsonRead.Text(JsonRead.Object(root, "promptFeedback"), "blockReason") is { } reason)
                throw new JudgeClientException($"judge gemini:{model} blocked the prompt (blockReason {reason})");
            if (JsonRead.First(root, "candidates") is not { } candidate)
                throw new JudgeClientException($"judge gemini:{model} answered with no candidates");

            var finish = JsonRead.Text(candidate, "finishReason");
            var texts = new List<string>();
            if (JsonRead.Object(candidate, "content") is { } content && JsonRead.Child(content, "parts") is { ValueKind: JsonValueKind.Array } parts)
            {
                foreach (var part in parts.EnumerateArray())
                {
                    // Thought summaries are not the answer.
                    if (JsonRead.Bool(part, "thought") == true) continue;
                    if (JsonRead.Text(part, "text") is { } text) texts.Add(text);
                }
            }
            var joined = string.Concat(texts);
            if (string.IsNullOrWhiteSpace(joined))
                throw new JudgeClientException($"judge gemini:{model} answered with no text (finishReason {finish ?? "none"})");

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, joined))
            {
                ModelId = JsonRead.Text(root, "modelVersion") ?? model,
                ResponseId = JsonRead.Text(root, "responseId"),
                FinishReason = Finish(finish),
                Usage = Usage(JsonRead.Object(root, "usageMetadata")),
            };
        }
    }

    private static ChatFinishReason? Finish(string? reason) => reason switch
    {
        null => null,
        "STOP" => ChatFinishReason.Stop,
        "MAX_TOKENS" => ChatFinishReason.Length,
        "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" or "IMAGE_SAFETY" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    private static UsageDetails? Usage(JsonElement? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = JsonRead.Long(usage, "promptTokenCount"),
        OutputTokenCount = JsonRead.Long(usage, "candidatesTokenCount"),
        TotalTokenCount = JsonRead.Long(usage, "totalTokenCount"),
        ReasoningTokenCount = JsonRead.Long(usage, "thoughtsTokenCount"),
        CachedInputTokenCount = JsonRead.Long(usage, "cachedContentTokenCount"),
    };
}
