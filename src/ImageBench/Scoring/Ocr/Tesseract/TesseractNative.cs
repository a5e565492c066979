using System.Runtime.InteropServices;

namespace ImageBench.Scoring.Ocr.Tesseract;

/// <summary>
/// The few functions of Tesseract's C API (tesseract/capi.h, libtesseract5 5.3) the engine needs. BOOL is int.
/// Strings returned by the library are freed with <see cref="TessDeleteText"/>.
/// </summary>
internal static partial class TesseractNative
{
    public const string Library = "libtesseract.so.5";

    /// <summary>TessPageIteratorLevel.</summary>
    public const int RilTextLine = 2;
    public const int RilWord = 3;

    // OpenMP must be limited before libgomp (a dependency of libtesseract) loads and reads its environment; an
    // explicit static constructor runs before the first call into this class, hence before the library loads.
    static TesseractNative() => OpenMpThreadLimit.Apply();

    [LibraryImport(Library)]
    public static partial IntPtr TessVersion();

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPICreate();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit3(IntPtr handle, string dataPath, string language);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(IntPtr handle, int mode);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(IntPtr handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage(IntPtr handle, byte[] pixels, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);

    [LibraryImport(Library)]
    public static partial IntPtr TessBaseAPIGetIterator(IntPtr handle);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetPageIterator(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial int TessResultIteratorNext(IntPtr iterator, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBoundingBox(IntPtr pageIterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    public static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(IntPtr handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(IntPtr handle);

    /// <summary>Copies and frees a string the library allocated.</summary>
    public static string? TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            return Marshal.PtrToStringUTF8(text);
        }
        finally
        {
            TessDeleteText(text);
        }
    }
}
