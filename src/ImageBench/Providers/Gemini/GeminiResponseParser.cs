using System.Text;
using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Gemini;

/// <summary>Pure reading of a generateContent 200 body. Garbage yields a reason (InvalidResponse), never an exception.</summary>
public static class GeminiResponseParser
{
    public static (GeminiResponse? Response, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            return Parse(doc.RootElement);
        }
        catch (JsonException e)
        {
            return (null, $"response is not JSON: {e.Message}");
        }
    }

    private static (GeminiResponse?, string?) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
        string? blockReason = null, blockMessage = null;
        if (Child(root, "promptFeedback") is { } feedback)
        {
            blockReason = Text(feedback, "blockReason");
            blockMessage = Text(feedback, "blockReasonMessage");
        }
        var usage = Child(root, "usageMetadata") is { } u ? ParseUsage(u) : null;
        var responseId = Text(root, "responseId");

        if (!root.TryGetProperty("candidates", out var candidates) || candidates.ValueKind != JsonValueKind.Array || candidates.GetArrayLength() == 0)
        {
            return blockReason is null
                ? (null, "response has neither candidates nor promptFeedback.blockReason")
                : (new GeminiResponse(null, null, null, null, null, blockReason, blockMessage, usage, responseId), null);
        }
        var candidate = candidates[0];
        if (candidate.ValueKind != JsonValueKind.Object) return (null, "candidates[0] is not an object");
        var finish = Text(candidate, "finishReason");
        var finishMessage = Text(candidate, "finishMessage");

        byte[]? image = null;
        string? mime = null;
        var extras = new List<ExtraImageSource>();
        var text = new StringBuilder();
        if (Parts(candidate) is { } parts)
        {
            for (var i = 0; i < parts.GetArrayLength(); i++)
            {
                var part = parts[i];
                if (!IsAnswer(part)) continue;
                if (Text(part, "text") is { } words)
                {
                    if (text.Length > 0) text.Append(' ');
                    text.Append(words.Trim());
                }
                if (image is not null && Child(part, "inlineData") is { } more)
                    extras.Add(Extra(more, $"candidates[0].content.parts[{i}].inlineData"));
                else if (Child(part, "inlineData") is { } inline)
                {
                    if (Text(inline, "data") is not { } data) return (null, "inlineData has no data");
                    try
                    {
                        image = Convert.FromBase64String(data);
                    }
                    catch (FormatException)
                    {
                        return (null, "inlineData.data is not valid base64");
                    }
                    if (image.Length == 0) return (null, "inlineData.data is empty");
                    mime = Text(inline, "mimeType");
                }
            }
        }
        // candidateCount > 1 (never sent, but an answer may carry them) yields alternatives, each billed.
        for (var c = 1; image is not null && c < candidates.GetArrayLength(); c++)
        {
            if (candidates[c].ValueKind != JsonValueKind.Object || Parts(candidates[c]) is not { } more) continue;
            for (var i = 0; i < more.GetArrayLength(); i++)
                if (IsAnswer(more[i]) && Child(more[i], "inlineData") is { } inline)
                    extras.Add(Extra(inline, $"candidates[{c}].content.parts[{i}].inlineData"));
        }
        return (new GeminiResponse(image, mime, text.Length > 0 ? text.ToString() : null, finish, finishMessage, blockReason, blockMessage, usage, responseId)
        {
            Extras = extras,
        }, null);
    }

    private static JsonElement? Parts(JsonElement candidate) =>
        Child(candidate, "content") is { } content && content.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Array ? parts : null;

    /// <summary>Gemini 3 can return its interim "thought" images and notes; only the final answer counts.</summary>
    private static bool IsAnswer(JsonElement part) =>
        part.ValueKind == JsonValueKind.Object && !(part.TryGetProperty("thought", out var t) && t.ValueKind == JsonValueKind.True);

    private static ExtraImageSource Extra(JsonElement inline, string where) => Text(inline, "data") is { } data
        ? ExtraImages.FromBase64(data, where + ".data", Text(inline, "mimeType"))
        : ExtraImageSource.Unusable(where, $"{where} has no data");

    /// <summary>
    /// usageMetadata by modality. Image output tokens are the IMAGE entry of candidatesTokensDetails. Output text is
    /// the TEXT entry plus what the details leave unlisted (Gemini 3 lists only IMAGE although its answer also has
    /// text; output modalities are only TEXT and IMAGE, so the rest is text) plus thoughtsTokenCount, which Google
    /// bills as output text. The prompt is all text (we send only text), so promptTokenCount is input text when no
    /// details are given. OutputTokens = candidates + thoughts, fully broken down, so pricing can be exact.
    /// </summary>
    public static TokenUsage? ParseUsage(JsonElement usage)
    {
        if (usage.ValueKind != JsonValueKind.Object) return null;
        var prompt = Long(usage, "promptTokenCount");
        var candidates = Long(usage, "candidatesTokenCount");
        var thoughts = Long(usage, "thoughtsTokenCount");
        var (inText, inImage) = ByModality(usage, "promptTokensDetails");
        var (outText, outImage) = ByModality(usage, "candidatesTokensDetails");
        if (inText is null && inImage is null) inText = prompt;
        var listed = (outText ?? 0) + (outImage ?? 0);
        if (candidates is { } c && c > listed) outText = (outText ?? 0) + (c - listed);
        if (thoughts is > 0) outText = (outText ?? 0) + thoughts;
        long? outputTokens = candidates is null && thoughts is null ? null : (candidates ?? 0) + (thoughts ?? 0);
        var parsed = new TokenUsage(
            InputTextTokens: inText,
            InputImageTokens: inImage,
            OutputImageTokens: outImage,
            OutputTextTokens: outText,
            InputTokens: prompt,
            OutputTokens: outputTokens,
            TotalTokens: Long(usage, "totalTokenCount"));
        return parsed == new TokenUsage() ? null : parsed;
    }

    private static (long? Text, long? Image) ByModality(JsonElement usage, string name)
    {
        long? text = null, image = null;
        if (!usage.TryGetProperty(name, out var details) || details.ValueKind != JsonValueKind.Array) return (null, null);
        foreach (var d in details.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Object || Long(d, "tokenCount") is not { } count) continue;
            switch (Text(d, "modality"))
            {
                case "TEXT": text = (text ?? 0) + count; break;
                case "IMAGE": image = (image ?? 0) + count; break;
            }
        }
        return (text, image);
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static long? Long(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0 ? n : null;

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
