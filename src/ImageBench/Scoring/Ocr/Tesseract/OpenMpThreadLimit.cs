using System.Runtime.InteropServices;

namespace ImageBench.Scoring.Ocr.Tesseract;

/// <summary>
/// Puts OMP_THREAD_LIMIT=1 into the process environment before libtesseract (and with it libgomp) loads.
/// With OpenMP's default thread team Tesseract spends 290–400 ms per 1024² image spinning threads; limited to one
/// it takes 55–90 ms, and the scorer parallelises across images instead (one engine per worker).
/// libgomp reads the variable once, when it is loaded, through libc's getenv — which
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach on Linux (.NET keeps its own
/// copy), so this calls libc's setenv. A value the user already set is kept.
/// </summary>
internal static partial class OpenMpThreadLimit
{
    public const string Variable = "OMP_THREAD_LIMIT";

    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1 || !OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            _ = SetEnv(Variable, "1", overwrite: 0);
        }
        catch (DllNotFoundException)
        {
            // Not glibc: OCR still works, only slower.
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    /// <summary>The value libc's getenv sees (what libgomp will read).</summary>
    public static string? NativeValue() => Marshal.PtrToStringUTF8(GetEnv(Variable));

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);
}
