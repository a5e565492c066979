namespace ImageBench.Statistics;

/// <summary>
/// Everything a report says about one model in one run. Counts cover every attempt; latency, phases, formats and
/// sizes cover successful (OK) attempts only; spend covers every attempt that carries a cost.
/// </summary>
public sealed record ModelStats
{
    public required string Model { get; init; }

    public int Attempts { get; init; }
    public int Ok { get; init; }
    public int Refused { get; init; }
    public int ProviderErrors { get; init; }
    public int Timeouts { get; init; }
    public int InvalidResponses { get; init; }
    public int Cancelled { get; init; }
    /// <summary>Attempts that needed at least one retry (whatever their outcome).</summary>
    public int Retried { get; init; }
    public int TotalRetries { get; init; }
    public int InterruptedCalls { get; init; }
    /// <summary>The time scale ImageBench's emulator announced on this model's attempts; null when real APIs answered them.</summary>
    public double? EmulatorTimeScale { get; init; }

    /// <summary>Attempts that did not produce an image, for any reason.</summary>
    public int NotOk => Attempts - Ok;

    /// <summary>Ok ÷ (attempts − cancelled): a cancelled attempt says nothing about the model. Null when nothing counts.</summary>
    public double? SuccessRate { get; init; }

    /// <summary>All-in latency of OK attempts, retries and waits included.</summary>
    public SampleSummary? Latency { get; init; }
    /// <summary>Latency minus time spent in failed tries and backoff waits, of OK attempts.</summary>
    public SampleSummary? LatencyExcludingRetries { get; init; }
    /// <summary>The providers' own figures for OK attempts that reported one.</summary>
    public SampleSummary? ServerMs { get; init; }
    /// <summary>Which server figures were used (header or field name → count).</summary>
    public IReadOnlyDictionary<string, int> ServerMsSources { get; init; } = new Dictionary<string, int>();

    /// <summary>Mean duration of each phase over the OK attempts that went through it, in phase order.</summary>
    public IReadOnlyList<PhaseMean> Phases { get; init; } = [];
    public IReadOnlyList<FormatCount> Formats { get; init; } = [];
    public IReadOnlyList<DimensionCount> Dimensions { get; init; } = [];

    /// <summary>
    /// Cost per image: the summed cost of OK attempts that carry one ÷ the images those calls returned (one per call
    /// unless a provider sent more than asked).
    /// </summary>
    public decimal? MeanCostPerOkImageUsd { get; init; }
    /// <summary><see cref="MeanCostPerOkImageUsd"/> × 1000.</summary>
    public decimal? CostPer1000ImagesUsd { get; init; }
    /// <summary>Sum of every attempt's cost, failed ones included when they were charged.</summary>
    public decimal TotalSpentUsd { get; init; }
    /// <summary>Images that came back with no price (no reported cost and none in the catalog): the total leaves them out.</summary>
    public int UnpricedImages { get; init; }
    /// <summary>Total spent ÷ images of OK attempts: what one usable image really cost once paid failures are counted.</summary>
    public decimal? SpentPerOkImageUsd { get; init; }
    /// <summary>Images the OK attempts' calls returned, extra ones included (= <see cref="Ok"/> when none sent extras).</summary>
    public int ImagesReturned { get; init; }
    /// <summary>OK attempts whose call returned more than the one image asked for.</summary>
    public int CallsWithExtraImages { get; init; }
    /// <summary>Images beyond one per call.</summary>
    public int ExtraImages => Math.Max(0, ImagesReturned - Ok);
    /// <summary>How many attempts' costs came from each source (<see cref="Attempts.CostSources"/>).</summary>
    public IReadOnlyDictionary<string, int> CostSources { get; init; } = new Dictionary<string, int>();
}

public sealed record PhaseMean(string Phase, double MeanMs, int Samples);

/// <param name="MeanBytes">Mean file size of OK images in this format.</param>
public sealed record FormatCount(string Format, int Count, double MeanBytes);

public sealed record DimensionCount(int Width, int Height, int Count)
{
    public override string ToString() => $"{Width}×{Height}";
}
