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
    /// <summary>No figure: no image was produced and the provider is not known to charge for failures.</summary>
    public const string None = "none";
}
