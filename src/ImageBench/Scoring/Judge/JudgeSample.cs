namespace ImageBench.Scoring.Judge;

/// <summary>
/// One call to the judge: its raw text (kept whatever it says), the parsed reply or why it did not parse (or why
/// the call failed), and the tokens it cost when the provider said.
/// </summary>
public sealed record JudgeSample(int Index, string? Raw, JudgeReply? Reply, string? Error, long? InputTokens = null, long? OutputTokens = null);
