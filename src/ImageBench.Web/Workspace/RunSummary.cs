namespace ImageBench.Web.Workspace;

/// <summary>One row of the Runs page; <see cref="Error"/> set (and nothing else) when the store cannot be read.</summary>
public sealed record RunSummary(RunDirectory Run, RunSnapshot? Snapshot, RunProgress? Progress, RunStatus? Status, string? Error)
{
    public static RunSummary Unreadable(RunDirectory run, string error) => new(run, null, null, null, error);
}
