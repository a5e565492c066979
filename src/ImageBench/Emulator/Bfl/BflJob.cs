using ImageBench.Emulator.Rendering;

namespace ImageBench.Emulator.Bfl;

/// <summary>One submitted BFL task. Its whole future is fixed at submit time; polls only read the clock.</summary>
internal sealed record BflJob(
    string Id, string Model, string Prompt, long Seed, DateTimeOffset SubmittedAt, DateTimeOffset FinishesAt,
    bool Refused, string Format, Task<RenderedImage> Image)
{
    /// <summary>The first tenth of the emulated time is spent queued (progress null), as real tasks wait for a worker.</summary>
    public DateTimeOffset StartsAt => SubmittedAt + (FinishesAt - SubmittedAt) * 0.1;

    /// <summary>null while queued, then 0..0.99 rising linearly until the job is done.</summary>
    public double? ProgressAt(DateTimeOffset now)
    {
        if (now < StartsAt)
        {
            return null;
        }
        double span = (FinishesAt - StartsAt).TotalSeconds;
        double done = span <= 0 ? 1 : (now - StartsAt).TotalSeconds / span;
        return Math.Round(Math.Clamp(done, 0, 0.99), 2);
    }
}
