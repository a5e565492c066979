namespace ImageBench;

/// <summary>The exit codes of every imagebench command (documented in the README).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run finished with more failed attempts than --fail-above allows.</summary>
    public const int FailuresAboveThreshold = 1;
    public const int BadInput = 2;
    public const int Internal = 3;
    /// <summary>The user stopped the run (Ctrl-C, SIGTERM) before it finished: 128 + SIGINT, as shells report it.</summary>
    public const int Interrupted = 130;
}
