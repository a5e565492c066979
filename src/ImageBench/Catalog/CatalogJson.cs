using System.Globalization;
using System.Text.Json.Nodes;

namespace ImageBench.Catalog;

/// <summary>
/// A catalog entry as JSON for a run's manifest: the prices a run was costed with, kept with the run so a
/// report regenerated next year shows the prices of the day. Holds the key's variable name, never a key.
/// </summary>
public static class CatalogJson
{
    public static JsonObject ToJson(ModelEntry m) => new()
    {
        ["id"] = m.Id,
        ["name"] = m.Name,
        ["provider"] = m.Provider,
        ["upstream"] = m.Upstream,
        ["base_url"] = m.BaseUrl.AbsoluteUri,
        ["key_env"] = m.KeyEnv,
        ["size"] = $"{m.DefaultWidth}x{m.DefaultHeight}",
        ["options"] = new JsonObject(m.Options.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["concurrency"] = m.Concurrency,
        ["poll_interval_ms"] = m.PollInterval.TotalMilliseconds,
        ["price"] = new JsonObject
        {
            ["per_image"] = new JsonObject(m.Price.PerImageUsd.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["per_million_tokens"] = m.Price.PerMillionTokensUsd is { } t
                ? new JsonObject { ["input_text"] = t.InputText, ["input_image"] = t.InputImage, ["output_image"] = t.OutputImage, ["output_text"] = t.OutputText }
                : null,
            ["source"] = m.Price.Source,
            ["read"] = m.Price.ReadOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
    };

    public static ModelEntry FromJson(JsonObject o)
    {
        var price = o["price"]!.AsObject();
        var size = o["size"]!.GetValue<string>().Split('x');
        var tokens = price["per_million_tokens"] as JsonObject;
        return new ModelEntry
        {
            Id = o["id"]!.GetValue<string>(),
            DisplayName = o["name"]?.GetValue<string>(),
            Provider = o["provider"]!.GetValue<string>(),
            Upstream = o["upstream"]!.GetValue<string>(),
            BaseUrl = new Uri(o["base_url"]!.GetValue<string>()),
            KeyEnv = o["key_env"]?.GetValue<string>(),
            DefaultWidth = int.Parse(size[0], CultureInfo.InvariantCulture),
            DefaultHeight = int.Parse(size[1], CultureInfo.InvariantCulture),
            Options = (o["options"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => kv.Value?.GetValue<string>() ?? "") ?? [],
            Concurrency = o["concurrency"]?.GetValue<int>() ?? 4,
            PollInterval = TimeSpan.FromMilliseconds(o["poll_interval_ms"]?.GetValue<double>() ?? 500),
            Price = new PriceTable
            {
                PerImageUsd = (price["per_image"] as JsonObject)?.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<decimal>()) ?? [],
                PerMillionTokensUsd = tokens is null ? null : new TokenPrices(
                    tokens["input_text"]?.GetValue<decimal>(), tokens["input_image"]?.GetValue<decimal>(),
                    tokens["output_image"]?.GetValue<decimal>(), tokens["output_text"]?.GetValue<decimal>()),
                Source = price["source"]!.GetValue<string>(),
                ReadOn = DateOnly.ParseExact(price["read"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
        };
    }
}
