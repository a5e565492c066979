using Microsoft.ML.OnnxRuntime;

namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// Session options for one-thread-per-worker scoring: the scorer already runs one image per core, so ONNX
/// Runtime's own thread pool would only compete with the other workers. IMAGEBENCH_ORT_THREADS overrides the
/// intra-op thread count (for measuring; see docs/performance.md). The default memory arena stays on: turning it
/// off was measured slower (SCORING.md).
/// </summary>
internal static class SessionTuning
{
    public const string ThreadsVariable = "IMAGEBENCH_ORT_THREADS";

    public static SessionOptions Create()
    {
        int threads = int.TryParse(Environment.GetEnvironmentVariable(ThreadsVariable), out var n) && n > 0 ? n : 1;
        return new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
    }
}
