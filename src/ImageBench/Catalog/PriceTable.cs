namespace ImageBench.Catalog;

/// <summary>
/// A model's price as read from a public source on a given day. Per-image prices are keyed by size tier
/// (<see cref="SizeTiers"/>); token prices are USD per million tokens by modality.
/// </summary>
public sealed record PriceTable
{
    public IReadOnlyDictionary<string, decimal> PerImageUsd { get; init; } = new Dictionary<string, decimal>();
    public TokenPrices? PerMillionTokensUsd { get; init; }
    /// <summary>Where the figure was read (a pricing page, the article's gateway, …).</summary>
    public required string Source { get; init; }
    /// <summary>The day the price was read. Prices move; reports show this date.</summary>
    public required DateOnly ReadOn { get; init; }

    /// <summary>No figure at all (<c>per_image: unknown</c>): attempts are not costed and a budget cannot admit the model.</summary>
    public bool IsUnpriced => PerImageUsd.Count == 0 && PerMillionTokensUsd is null;

    /// <summary>The per-image price for an image of this size, or null when the catalog has none for its tier.</summary>
    public decimal? PerImageFor(int width, int height) =>
        PerImageUsd.TryGetValue(SizeTiers.For(width, height), out var price) ? price : null;
}

/// <summary>USD per million tokens, by modality. Image tokens are never priced as text tokens.</summary>
public sealed record TokenPrices(decimal? InputText, decimal? InputImage, decimal? OutputImage, decimal? OutputText);
