using System.Runtime.InteropServices;

namespace ImageBench.Scoring.Ocr.Tesseract;

/// <summary>
/// Tesseract 5 in-process through its C API, reading 8-bit gray pixels (no Leptonica needed). One instance per
/// thread: use an <see cref="OcrEnginePool"/> of them.
/// </summary>
public sealed class TesseractEngine : IOcrEngine
{
    public const string DefaultDataPath = "/usr/share/tesseract-ocr/5/tessdata";
    public const string InstallHint = "install tesseract-ocr (sudo apt-get install -y tesseract-ocr, or run scripts/setup.sh)";

    private IntPtr _handle;

    private TesseractEngine(IntPtr handle, string name)
    {
        _handle = handle;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Starts an engine with the English model.</summary>
    /// <exception cref="OcrUnavailableException">libtesseract or the model is missing.</exception>
    public static TesseractEngine Create(string dataPath = DefaultDataPath, string language = "eng")
    {
        if (!File.Exists(Path.Combine(dataPath, language + ".traineddata")))
        {
            throw new OcrUnavailableException($"Tesseract's '{language}' model is not in {dataPath}: {InstallHint}.");
        }
        IntPtr handle;
        string version;
        try
        {
            version = Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "?";
            handle = TesseractNative.TessBaseAPICreate();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new OcrUnavailableException($"OCR needs {TesseractNative.Library}, which could not be loaded: {InstallHint}.", e);
        }
        if (TesseractNative.TessBaseAPIInit3(handle, dataPath, language) != 0)
        {
            TesseractNative.TessBaseAPIDelete(handle);
            throw new OcrUnavailableException($"Tesseract could not load '{language}' from {dataPath}: {InstallHint}.");
        }
        // Warnings such as "Estimating resolution" would otherwise go to the CLI's stderr for every image.
        TesseractNative.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        return new TesseractEngine(handle, "tesseract " + version);
    }

    public OcrResult Read(ScoringImage image, OcrPass pass)
    {
        ObjectDisposedException.ThrowIf(_handle == IntPtr.Zero, this);
        var prepared = GrayPassImage.Prepare(image.Gray, image.Width, image.Height, pass);
        TesseractNative.TessBaseAPISetPageSegMode(_handle, (int)pass.Segmentation);
        TesseractNative.TessBaseAPISetImage(_handle, prepared.Pixels, prepared.Width, prepared.Height, 1, prepared.Width);
        try
        {
            if (TesseractNative.TessBaseAPIRecognize(_handle, IntPtr.Zero) != 0)
            {
                throw new InvalidOperationException($"Tesseract failed to recognise the image ({pass.Name}).");
            }
            return new OcrResult(Name, pass, ReadLines(prepared));
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(_handle);
        }
    }

    private List<OcrLine> ReadLines(GrayPassImage prepared)
    {
        var lines = new List<OcrLine>();
        var iterator = TesseractNative.TessBaseAPIGetIterator(_handle);
        if (iterator == IntPtr.Zero)
        {
            return lines; // nothing recognised
        }
        try
        {
            var page = TesseractNative.TessResultIteratorGetPageIterator(iterator);
            List<OcrWord>? words = null;
            do
            {
                if (words is null || TesseractNative.TessPageIteratorIsAtBeginningOf(page, TesseractNative.RilTextLine) != 0)
                {
                    if (words is { Count: > 0 }) lines.Add(new OcrLine(words));
                    words = [];
                }
                var text = TesseractNative.TakeText(TesseractNative.TessResultIteratorGetUTF8Text(iterator, TesseractNative.RilWord))?.Trim();
                if (string.IsNullOrEmpty(text)
                    || TesseractNative.TessPageIteratorBoundingBox(page, TesseractNative.RilWord, out int l, out int t, out int r, out int b) == 0)
                {
                    continue;
                }
                float confidence = TesseractNative.TessResultIteratorConfidence(iterator, TesseractNative.RilWord);
                words.Add(new OcrWord(text, Math.Clamp(confidence, 0, 100), prepared.ToOriginal(l, t, r, b)));
            }
            while (TesseractNative.TessResultIteratorNext(iterator, TesseractNative.RilWord) != 0);
            if (words is { Count: > 0 }) lines.Add(new OcrLine(words));
        }
        finally
        {
            TesseractNative.TessResultIteratorDelete(iterator);
        }
        return lines;
    }

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero)
        {
            TesseractNative.TessBaseAPIEnd(handle);
            TesseractNative.TessBaseAPIDelete(handle);
        }
    }
}
