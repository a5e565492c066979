using ImageBench.Attempts;
using ImageBench.Catalog;
using ImageBench.Providers;

namespace ImageBench.Running;

/// <summary>
/// Prices an attempt: money the API reported first; then reported tokens × catalog token prices (image tokens
/// at image prices, text at text prices — never one for the other); then the catalog's per-image price for the
/// size tier actually produced. An image the provider generated and billed but whose answer was lost on the way
/// still costs its catalog price. The source is stored beside the figure.
/// </summary>
public static class CostCalculator
{
    /// <summary>
    /// The whole call's cost. Reported money and token usage already cover every image the call returned; a
    /// per-image price is charged for the first image and for each of <paramref name="extras"/> (at its own size
    /// tier, or the first's when it came back unreadable), because the provider bills every image it sends.
    /// </summary>
    public static (decimal? Cost, string Source) Price(ModelEntry model, GenerationResult result, ImageFacts? image, IReadOnlyList<ExtraImage>? extras = null)
    {
        if (result.ReportedCostUsd is { } reported)
            return (reported, CostSources.ApiReported);
        if (result.Outcome != AttemptOutcome.Ok || image is null)
            return result.ImageLostAfterBilling && (image is null ? Estimate(model) : model.Price.PerImageFor(image.Width, image.Height)) is { } lost
                ? (lost, CostSources.CatalogAnswerLost)
                : (null, CostSources.None);
        if (result.Usage is { } usage && model.Price.PerMillionTokensUsd is { } prices && FromTokens(usage, prices) is { } tokenCost)
            return (tokenCost, CostSources.ApiTokensTimesCatalog);
        if (model.Price.PerImageFor(image.Width, image.Height) is { } perImage)
            return (perImage + (extras ?? []).Sum(e => (e.Image is { } f ? model.Price.PerImageFor(f.Width, f.Height) : null) ?? perImage),
                CostSources.CatalogPerImage);
        return (null, CostSources.None);
    }

    /// <summary>
    /// One image's share of a call's cost: cost ÷ images returned, rounded to a millionth of a dollar. Null without
    /// a cost or without an image (a charged failure has a cost but no image to divide it by).
    /// </summary>
    public static decimal? PerImage(decimal? cost, int imagesReturned) =>
        cost is { } c && imagesReturned > 0 ? decimal.Round(c / imagesReturned, 6) : null;

    /// <summary>What one call at the model's default size is expected to cost, for budgets and dry runs.</summary>
    public static decimal? Estimate(ModelEntry model) => model.Price.PerImageFor(model.DefaultWidth, model.DefaultHeight);

    /// <summary>
    /// Null when a reported token kind has no price: a partial sum would under-report the cost, which is the
    /// mistake (image tokens priced as text, input tokens missed) this calculator exists to avoid.
    /// </summary>
    internal static decimal? FromTokens(TokenUsage usage, TokenPrices prices)
    {
        decimal total = 0;
        var any = false;
        foreach (var (tokens, price) in new[]
                 {
                     (usage.InputTextTokens, prices.InputText), (usage.InputImageTokens, prices.InputImage),
                     (usage.OutputImageTokens, prices.OutputImage), (usage.OutputTextTokens, prices.OutputText),
                 })
        {
            if (tokens is null or 0) continue;
            if (price is null) return null;
            total += tokens.Value * price.Value / 1_000_000m;
            any = true;
        }
        // Output tokens reported without a breakdown cannot be priced honestly by modality.
        var brokenDown = (usage.OutputImageTokens ?? 0) + (usage.OutputTextTokens ?? 0);
        if (usage.OutputTokens is { } outTokens && outTokens > brokenDown) return null;
        return any ? decimal.Round(total, 6) : null;
    }
}
