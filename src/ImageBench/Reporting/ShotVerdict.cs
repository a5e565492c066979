namespace ImageBench.Reporting;

/// <summary>One image's standing after its checks: what a gallery filters on and alt text says.</summary>
public enum ShotVerdict
{
    /// <summary>The attempt produced no image (refused, error, timeout…).</summary>
    NoImage,
    /// <summary>An image, with no check that gives a verdict (not scored yet, or nothing to check).</summary>
    NotScored,
    /// <summary>Every check with a verdict passed.</summary>
    Passed,
    /// <summary>At least one check failed.</summary>
    Failed,
}

/// <summary>Wire names for <see cref="ShotVerdict"/> in HTML data attributes (the gallery script reads them).</summary>
public static class ShotVerdicts
{
    public static string Name(ShotVerdict verdict) => verdict switch
    {
        ShotVerdict.NoImage => "no-image",
        ShotVerdict.Passed => "passed",
        ShotVerdict.Failed => "failed",
        _ => "not-scored",
    };
}
