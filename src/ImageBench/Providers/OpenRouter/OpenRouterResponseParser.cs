using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.OpenRouter;

/// <summary>What a 200 chat completion says: the first image (a data: URL or a link), the usage and the money.</summary>
public sealed record OpenRouterAnswer(
    string? Id, string? ImageUrl, string? FinishReason, string? NativeFinishReason, string? Refusal, string? Text,
    TokenUsage? Usage, decimal? CostUsd, OpenRouterError? Error)
{
    /// <summary>message.images[1..]: further images in the same answer (usage.cost covers them all).</summary>
    public IReadOnlyList<ExtraImageSource> Extras { get; init; } = [];
}

/// <summary>OpenRouter's error envelope, also sent inside a 200 when the upstream failed after routing.</summary>
public sealed record OpenRouterError(string? Code, string Message, string? Metadata);

/// <summary>Pure reading of chat-completion bodies. Garbage yields a reason (InvalidResponse), never an exception.</summary>
public static class OpenRouterResponseParser
{
    public static (OpenRouterAnswer? Answer, string? Failure) Parse(ReadOnlySpan<byte> body)
    {
        var (doc, failure) = JsonRead.Parse(body, "response");
        if (doc is null) return (null, failure);
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "response is not a JSON object");
            var error = ReadError(root);
            var message = JsonRead.Object(JsonRead.First(root, "choices"), "message");
            var choice = JsonRead.First(root, "choices");
            if (choice is null && error is null) return (null, "response has no choices[]");
            var image = JsonRead.First(message, "images");
            var url = JsonRead.Text(JsonRead.Object(image, "image_url"), "url") ?? JsonRead.Text(image, "url");
            var usage = JsonRead.Object(root, "usage");
            var extras = ExtraImages.AfterFirst(JsonRead.Child(message, "images"), (entry, i) =>
                (JsonRead.Text(JsonRead.Object(entry, "image_url"), "url") ?? JsonRead.Text(entry, "url")) is { } link
                    ? new ExtraImageSource($"choices[0].message.images[{i}]", null, link)
                    : ExtraImageSource.Unusable($"choices[0].message.images[{i}]", $"choices[0].message.images[{i}] has no image_url.url"));
            return (new OpenRouterAnswer(
                JsonRead.Text(root, "id"), url,
                JsonRead.Text(choice, "finish_reason"), JsonRead.Text(choice, "native_finish_reason"),
                JsonRead.Text(message, "refusal"), JsonRead.Text(message, "content"),
                ParseUsage(usage), JsonRead.Decimal(usage, "cost"), error) { Extras = extras }, null);
        }
    }

    /// <summary>The error envelope of a non-2xx body (or of a 200 that carries one); null when there is none.</summary>
    public static OpenRouterError? ReadError(JsonElement root)
    {
        if (JsonRead.Object(root, "error") is not { } e) return null;
        var metadata = JsonRead.Child(e, "metadata") is { } m ? m.GetRawText() : null;
        return new OpenRouterError(JsonRead.Code(e, "code"), JsonRead.Text(e, "message") ?? e.GetRawText(), metadata);
    }

    /// <summary>prompt/completion tokens as given; image tokens only when completion_tokens_details says so.</summary>
    public static TokenUsage? ParseUsage(JsonElement? usage)
    {
        if (usage is null) return null;
        var details = JsonRead.Object(usage, "completion_tokens_details");
        var parsed = new TokenUsage(
            OutputImageTokens: JsonRead.Long(details, "image_tokens"),
            InputTokens: JsonRead.Long(usage, "prompt_tokens"),
            OutputTokens: JsonRead.Long(usage, "completion_tokens"),
            TotalTokens: JsonRead.Long(usage, "total_tokens"));
        return parsed == new TokenUsage() ? null : parsed;
    }
}
