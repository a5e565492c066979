namespace ImageBench.Attempts;

/// <summary>Where an attempt's cost figure came from; every cost in a report carries one of these.</summary>
public static class CostSources
{
    /// <summary>The API reported the price paid in money (OpenRouter usage.cost, credits converted at the documented rate).</summary>
    public const string ApiReported = "api";
    /// <summary>API-reported token usage multiplied by the catalog's per-token prices.</summary>
    public const string ApiTokensTimesCatalog = "api-tokens×catalog";
    /// <summary>The catalog's per-image price for the size tier actually produced.</summary>
    public const string CatalogPerImage = "catalog";
    /// <summary>
    /// The provider answered 2xx — it generated the image and charged for it — but the answer or the image bytes were
    /// cut short on the way, so no image was stored: the catalog's per-image price (for the size produced when the
    /// image's header survived, else the size requested).
    /// </summary>
    public const string CatalogAnswerLost = "catalog (answer lost)";
    /// <summary>No figure: no image was produced and the provider is not known to charge for failures.</summary>
    public const string None = "none";
}
