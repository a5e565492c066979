namespace ImageBench.Storage.Recovery;

/// <summary>What the doctor found in a run directory.</summary>
/// <param name="StorePath">The store file examined (absolute).</param>
/// <param name="Problem">Why the store cannot be used as it is, or null when it is healthy.</param>
/// <param name="ProblemMessage">The problem in one line naming the file — what <c>run</c>, <c>report</c> and <c>score</c> say about it.</param>
/// <param name="Salvage">Every row that could still be read.</param>
/// <param name="Images">Image files on disk against the readable attempts.</param>
public sealed record StoreExamination(string StorePath, StoreProblem? Problem, string? ProblemMessage, StoreSalvage Salvage, ImageInventory Images)
{
    public bool IsHealthy => Problem is null;

    public string RunDirectory => Path.GetDirectoryName(StorePath)!;
}
