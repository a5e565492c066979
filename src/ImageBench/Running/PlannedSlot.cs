using ImageBench.Catalog;
using ImageBench.Storage;
using ImageBench.Suites;

namespace ImageBench.Running;

/// <summary>One cell of the plan with everything needed to run it.</summary>
public sealed record PlannedSlot(ModelEntry Model, PromptSpec Prompt, int Repeat)
{
    public SlotKey Key { get; } = new(Model.Id, Prompt.Id, Repeat);
}
