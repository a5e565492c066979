using System.Text.Json;

namespace ImageBench.Emulator.Judge;

/// <summary>
/// The parts of an OpenAI chat completions request the emulated judge reads: the model, the last user message's
/// text and image (a data: URL), and "seed", which a caller may use to number its samples.
/// </summary>
internal sealed record JudgeChatRequest(string? Model, string? UserText, string? ImageUrl, long? Seed)
{
    public static JudgeChatRequest Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return new(null, null, null, null);
        var model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        long? seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : null;
        string? text = null;
        string? image = null;
        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || role.GetString() != "user"
                    || !message.TryGetProperty("content", out var content)) continue;
                (text, image) = content.ValueKind switch
                {
                    JsonValueKind.String => (content.GetString(), null),
                    JsonValueKind.Array => Parts(content),
                    _ => (null, null),
                };
            }
        }
        return new(model, text, image, seed);
    }

    private static (string? Text, string? Image) Parts(JsonElement content)
    {
        var texts = new List<string>();
        string? image = null;
        foreach (var part in content.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object) continue;
            if (part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) texts.Add(t.GetString()!);
            if (image is null && part.TryGetProperty("image_url", out var u))
            {
                image = u.ValueKind == JsonValueKind.String ? u.GetString()
                    : u.ValueKind == JsonValueKind.Object && u.TryGetProperty("url", out var url) ? url.GetString() : null;
            }
        }
        return (texts.Count == 0 ? null : string.Join('\n', texts), image);
    }
}
