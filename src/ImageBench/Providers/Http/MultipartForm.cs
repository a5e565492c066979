using System.Text.Json.Nodes;

namespace ImageBench.Providers.Http;

/// <summary>
/// Multipart APIs (Stability, Ideogram) get their fields from a flat JSON object, so the very object stored as
/// GenerationResult.Request is what was sent, one text part per field.
/// </summary>
public static class MultipartForm
{
    public static MultipartFormDataContent From(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value is null) continue;
            var text = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            form.Add(new StringContent(text), name);
        }
        return form;
    }
}
