using Microsoft.ML.OnnxRuntime;

namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// Runs a single-input, single-output model on a float tensor held in a caller-owned buffer (pinned for the
/// call, no copy) and hands the output span to a callback before the native output is freed.
/// </summary>
internal static class OnnxRunner
{
    public static T Run<T>(InferenceSession session, RunOptions options, float[] input, long[] shape, OutputReader<T> read)
    {
        long length = shape.Aggregate(1L, (a, b) => a * b);
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, (int)length), shape);
        using var outputs = session.Run(options, [session.InputNames[0]], [value], [session.OutputNames[0]]);
        var output = outputs[0];
        return read(output.GetTensorDataAsSpan<float>(), output.GetTensorTypeAndShape().Shape);
    }

    public delegate T OutputReader<out T>(ReadOnlySpan<float> data, long[] shape);

    /// <summary>A buffer at least <paramref name="length"/> long, reusing <paramref name="buffer"/> when it is.</summary>
    public static float[] Ensure(ref float[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new float[length];
        return buffer;
    }
}
