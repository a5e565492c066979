using System.Text.Json.Nodes;

namespace ImageBench.Emulator.OpenAI;

/// <summary>
/// Plausible usage figures. Image tokens for 1024x1024 are 272 / 1056 / 4160 (low / medium / high) and scale with
/// area, which reproduces the recorded 6240 for a high-quality 1024x1536 image.
/// </summary>
internal static class OpenAITokens
{
    public static int ImageTokens(string quality, int width, int height)
    {
        int square = quality switch { "low" => 272, "medium" => 1056, _ => 4160 };
        return (int)Math.Round(square * (width * (double)height) / (1024.0 * 1024.0));
    }

    public static int TextTokens(string prompt)
    {
        int words = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return Math.Max(1, (int)Math.Ceiling(words * 1.3));
    }

    public static JsonObject Usage(string prompt, string quality, int width, int height, int n)
    {
        int input = TextTokens(prompt);
        int output = ImageTokens(quality, width, height) * n;
        return new JsonObject
        {
            ["input_tokens"] = input,
            ["input_tokens_details"] = new JsonObject { ["text_tokens"] = input, ["image_tokens"] = 0 },
            ["output_tokens"] = output,
            ["output_tokens_details"] = new JsonObject { ["image_tokens"] = output, ["text_tokens"] = 0 },
            ["total_tokens"] = input + output,
        };
    }
}
