namespace ImageBench.Emulator.Faults;

/// <summary>Which of a job's calls a fault strikes.</summary>
public enum FaultSite
{
    /// <summary>The call that asks for the image: a synchronous generation or an async submission (the paid call).</summary>
    Create,
    /// <summary>Status and result reads of an async job (BFL get_result, fal status/result, Replicate GET, DashScope tasks).</summary>
    Poll,
    /// <summary>Downloads from the delivery host (BFL samples, fal/Replicate/DashScope/Ark/Ideogram/Recraft/dall-e URLs).</summary>
    Delivery,
}
