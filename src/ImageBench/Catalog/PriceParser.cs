using System.Globalization;
using ImageBench.Configuration;
using YamlDotNet.RepresentationModel;

namespace ImageBench.Catalog;

/// <summary>
/// Parses a <c>price:</c> block. A price without a source and a date is refused: users must know how old it is.
/// A model with no per-image price to quote says so with <c>per_image: unknown</c> (token prices may still be given),
/// so a forgotten figure is still an error.
/// </summary>
internal static class PriceParser
{
    private const string Unknown = "unknown";

    public static PriceTable Parse(YamlFields f, PriceTable? base_)
    {
        f.RejectUnknown("per_image", "per_million_tokens", "source", "read");
        var unknown = f.Node("per_image") is YamlScalarNode { Value: Unknown };
        var perImage = unknown ? new Dictionary<string, decimal>()
            : f.Has("per_image") ? ParsePerImage(new YamlFields(f.Node("per_image")!, f.File, "'per_image'"))
            : base_?.PerImageUsd ?? new Dictionary<string, decimal>();
        var tokens = f.Has("per_million_tokens") ? ParseTokens(new YamlFields(f.Node("per_million_tokens")!, f.File, "'per_million_tokens'")) : base_?.PerMillionTokensUsd;
        if (perImage.Count == 0 && tokens is null && !unknown)
            throw new InputException(f.Location, "a price needs 'per_image' (by size tier), 'per_million_tokens' (by modality), or 'per_image: unknown' when there is none to quote");
        var source = f.OptionalString("source") ?? base_?.Source ?? throw new InputException(f.Location, "a price needs 'source:' (where it was read)");
        var read = f.OptionalString("read") is { } text ? ParseDate(text, f) : base_?.ReadOn ?? throw new InputException(f.Location, "a price needs 'read:' (the date it was read, YYYY-MM-DD)");
        return new PriceTable { PerImageUsd = perImage, PerMillionTokensUsd = tokens, Source = source, ReadOn = read };
    }

    private static Dictionary<string, decimal> ParsePerImage(YamlFields f)
    {
        f.RejectUnknown([.. SizeTiers.All]);
        return SizeTiers.All.Where(f.Has).ToDictionary(t => t, t => f.OptionalDecimal(t, 0m)!.Value);
    }

    private static TokenPrices ParseTokens(YamlFields f)
    {
        f.RejectUnknown("input_text", "input_image", "output_image", "output_text");
        return new TokenPrices(f.OptionalDecimal("input_text", 0m), f.OptionalDecimal("input_image", 0m), f.OptionalDecimal("output_image", 0m), f.OptionalDecimal("output_text", 0m));
    }

    private static DateOnly ParseDate(string text, YamlFields f) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InputException(YamlFields.Loc(f.Node("read")!, f.File), $"'read' must be a date like 2026-05-01, not '{text}'");
}
