using System.Text.Json.Nodes;
using ImageBench.Emulator.Jobs;
using ImageBench.Emulator.OpenAI;
using ImageBench.Emulator.Rendering;

namespace ImageBench.Emulator.Gemini;

/// <summary>generateContent answers in the recorded shape (fixtures/gemini/pydantic-ai).</summary>
internal static class GeminiAnswers
{
    private const string Caption = "Here is the image you asked for.";

    /// <summary>
    /// Like the recorded AI Studio answers, candidatesTokensDetails lists only IMAGE although the answer also has
    /// a text part: candidatesTokenCount includes the unlisted text tokens.
    /// </summary>
    public static JsonObject Success(string model, GeminiRequest request, RenderedImage? image, ulong seed)
    {
        var parts = new JsonArray(new JsonObject { ["text"] = image is null ? "I can only describe it: " + request.Prompt : Caption });
        if (image is not null)
            parts.Add(new JsonObject { ["inlineData"] = new JsonObject { ["mimeType"] = image.ContentType, ["data"] = Convert.ToBase64String(image.Bytes) } });
        int promptTokens = OpenAITokens.TextTokens(request.Prompt);
        int textTokens = OpenAITokens.TextTokens(image is null ? request.Prompt : Caption) + 2;
        int imageTokens = image is null ? 0 : GeminiSizes.ImageTokens(model, request.ImageSize);
        var usage = new JsonObject
        {
            ["promptTokenCount"] = promptTokens,
            ["candidatesTokenCount"] = textTokens + imageTokens,
            ["totalTokenCount"] = promptTokens + textTokens + imageTokens,
            ["promptTokensDetails"] = new JsonArray(new JsonObject { ["modality"] = "TEXT", ["tokenCount"] = promptTokens }),
        };
        if (imageTokens > 0)
            usage["candidatesTokensDetails"] = new JsonArray(new JsonObject { ["modality"] = "IMAGE", ["tokenCount"] = imageTokens });
        return new JsonObject
        {
            ["candidates"] = new JsonArray(new JsonObject
            {
                ["content"] = new JsonObject { ["parts"] = parts, ["role"] = "model" },
                ["finishReason"] = "STOP",
                ["index"] = 0,
            }),
            ["usageMetadata"] = usage,
            ["modelVersion"] = model,
            ["responseId"] = JobIds.Base32(seed, 0)[..23],
        };
    }

    /// <summary>An input block (promptFeedback.blockReason, no candidates) or an output block (IMAGE_SAFETY, no image).</summary>
    public static JsonObject Refusal(string model, string prompt, bool input, ulong seed)
    {
        int promptTokens = OpenAITokens.TextTokens(prompt);
        var body = new JsonObject();
        if (input)
        {
            body["promptFeedback"] = new JsonObject { ["blockReason"] = "PROHIBITED_CONTENT" };
        }
        else
        {
            body["candidates"] = new JsonArray(new JsonObject
            {
                ["finishReason"] = "IMAGE_SAFETY",
                ["finishMessage"] = "Unable to show the generated image. The image was filtered out because it violated Google's Generative AI Prohibited Use policy.",
                ["index"] = 0,
            });
        }
        body["usageMetadata"] = new JsonObject { ["promptTokenCount"] = promptTokens, ["totalTokenCount"] = promptTokens };
        body["modelVersion"] = model;
        body["responseId"] = JobIds.Base32(seed, 1)[..23];
        return body;
    }
}
