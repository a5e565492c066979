namespace ImageBench.Storage;

/// <summary>One cell of the plan: a model, a prompt, a repeat. Each slot ends in exactly one stored attempt.</summary>
public sealed record SlotKey(string Model, string PromptId, int Repeat)
{
    public override string ToString() => $"{Model}/{PromptId}/{Repeat}";
}
