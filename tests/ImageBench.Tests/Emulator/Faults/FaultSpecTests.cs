using CsCheck;
using ImageBench.Configuration;
using ImageBench.Emulator;
using ImageBench.Emulator.Faults;

namespace ImageBench.Tests.Emulator.Faults;

/// <summary>The --fault parser: what it accepts round-trips, what it refuses says why in one line.</summary>
public sealed class FaultSpecTests
{
    private static readonly Gen<FaultSpec> Specs =
        from info in Gen.Int[0, FaultKinds.All.Count - 1].Select(i => FaultKinds.All[i])
        from site in Gen.Int[0, info.Sites.Count - 1].Select(i => info.Sites[i])
        from model in Gen.OneOf(Gen.Const((string?)null), Gen.String[Gen.Char["abz019.-/_"], 1, 20].Select(s => (string?)s))
        from rate in Gen.Double[0, 1]
        select new FaultSpec(model, info.Kind, site, rate);

    [Fact]
    public void Every_valid_spec_round_trips_through_its_text() =>
        Specs.Sample(spec => Assert.Equal(spec, FaultSpec.Parse(spec.ToString())));

    [Fact]
    public void Rates_outside_zero_to_one_are_refused() =>
        Gen.OneOf(Gen.Double[-1000, -1e-9], Gen.Double[1 + 1e-9, 1000]).Sample(rate =>
            Assert.Throws<InputException>(() => FaultSpec.Parse(FormattableString.Invariant($"429={rate:R}"))));

    [Theory]
    [InlineData("429", "expected [model:]kind")]
    [InlineData("429=often", "the rate 'often' must be a probability from 0 to 1")]
    [InlineData("teapot=0.1", "unknown fault 'teapot' (known: 429, 500")]
    [InlineData("429@queue=0.1", "unknown site 'queue'")]
    [InlineData("bad-base64@delivery=0.1", "'bad-base64' does not apply at delivery (it applies at: create)")]
    [InlineData("expired@create=0.1", "'expired' does not apply at create")]
    [InlineData(":429=0.1", "the model before ':' is empty")]
    public void Bad_specs_say_what_is_wrong(string text, string why)
    {
        var error = Assert.Throws<InputException>(() => FaultSpec.Parse(text));

        Assert.StartsWith($"--fault '{text}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("reset=0.1", null, FaultKind.ResetBeforeHeaders, FaultSite.Create)]
    [InlineData("expired=0.1", null, FaultKind.ExpiredUrl, FaultSite.Delivery)]
    [InlineData("flux-1.1-pro:502@poll=0.2", "flux-1.1-pro", FaultKind.BadGatewayHtml, FaultSite.Poll)]
    [InlineData("owner/model:v1:HANG=1", "owner/model:v1", FaultKind.Hang, FaultSite.Create)]
    public void Model_and_site_are_optional(string text, string? model, FaultKind kind, FaultSite site)
    {
        var spec = FaultSpec.Parse(text);

        Assert.Equal((model, kind, site), (spec.Model, spec.Kind, spec.Site));
    }

    [Fact]
    public void A_models_own_spec_replaces_the_all_models_one_of_the_same_kind_and_site()
    {
        var options = FaultSpecs.Apply(EmulatorOptions.ArticleDefaults(0), [FaultSpec.Parse("429=0.5"), FaultSpec.Parse("flux-pro-1.1:429=0.1"), FaultSpec.Parse("new-model:reset=0.2")]);

        Assert.Equal("429=0.5", FaultSpecs.Describe(options.ProfileFor("gpt-image-2")));
        Assert.Equal("429=0.1", FaultSpecs.Describe(options.ProfileFor("flux-pro-1.1")));
        Assert.Equal("429=0.5, reset=0.2", FaultSpecs.Describe(options.ProfileFor("new-model")));
        Assert.Equal("429=0.5", FaultSpecs.Describe(options.ProfileFor("a-model-nobody-named")));
        Assert.Equal(ArticleProfiles.All["flux-pro-1.1"].Latency, options.ProfileFor("flux-pro-1.1").Latency);
    }

    [Fact]
    public void Transient_rates_at_one_site_may_not_add_up_past_one()
    {
        var error = Assert.Throws<InputException>(() => FaultSpecs.Apply(EmulatorOptions.ArticleDefaults(0), [FaultSpec.Parse("429=0.7"), FaultSpec.Parse("reset=0.4")]));

        Assert.Contains("the rates at create for", error.Message, StringComparison.Ordinal);
        Assert.Contains("add up to 1.1", error.Message, StringComparison.Ordinal);
        // Persistent and dead-URL faults are drawn apart from the per-call ones, so they do not count towards the 1.
        FaultSpecs.Apply(EmulatorOptions.ArticleDefaults(0), [FaultSpec.Parse("429=1"), FaultSpec.Parse("persistent=0.5")]);
    }
}
