using System.Globalization;
using ImageBench.Configuration;

namespace ImageBench.Emulator.Faults;

/// <summary>
/// One <c>--fault</c> of the command line: <c>[MODEL:]KIND[@SITE]=RATE</c>, e.g. <c>429=0.3</c>, <c>reset@poll=0.1</c>,
/// <c>flux-1.1-pro:502=0.2</c>. Without a model it applies to every model; without a site at the kind's default
/// (<see cref="FaultKinds.DefaultSite"/>).
/// </summary>
public sealed record FaultSpec(string? Model, FaultKind Kind, FaultSite Site, double Rate)
{
    public const string Syntax = "[model:]kind[@create|poll|delivery]=rate";

    /// <summary>Parses one spec; anything else is an <see cref="InputException"/> that says what is wrong in one line.</summary>
    public static FaultSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.LastIndexOf('=');
        if (equals < 0) throw Bad(text, $"expected {Syntax}");
        var rateText = text[(equals + 1)..].Trim();
        if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate is not (>= 0 and <= 1))
            throw Bad(text, $"the rate '{rateText}' must be a probability from 0 to 1");
        var left = text[..equals].Trim();
        var colon = left.LastIndexOf(':');
        string? model = colon < 0 ? null : left[..colon].Trim();
        if (model is { Length: 0 }) throw Bad(text, "the model before ':' is empty");
        var kindAndSite = left[(colon + 1)..].Trim();
        var at = kindAndSite.IndexOf('@', StringComparison.Ordinal);
        var kindName = at < 0 ? kindAndSite : kindAndSite[..at];
        var info = FaultKinds.Named(kindName)
            ?? throw Bad(text, $"unknown fault '{kindName}' (known: {string.Join(", ", FaultKinds.All.Select(k => k.Name))})");
        var site = at < 0 ? FaultKinds.DefaultSite(info.Kind) : SiteNamed(text, kindAndSite[(at + 1)..]);
        if (!info.Sites.Contains(site))
            throw Bad(text, $"'{info.Name}' does not apply at {FaultKinds.SiteName(site)} (it applies at: {string.Join(", ", info.Sites.Select(FaultKinds.SiteName))})");
        return new FaultSpec(model, info.Kind, site, rate);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Model is null ? "" : Model + ":")}{FaultKinds.Of(Kind).Name}@{FaultKinds.SiteName(Site)}={Rate}");

    private static FaultSite SiteNamed(string text, string name)
    {
        foreach (var site in Enum.GetValues<FaultSite>())
        {
            if (string.Equals(FaultKinds.SiteName(site), name, StringComparison.OrdinalIgnoreCase)) return site;
        }
        throw Bad(text, $"unknown site '{name}' (known: create, poll, delivery)");
    }

    private static InputException Bad(string text, string why) => new($"--fault '{text}': {why}");
}
