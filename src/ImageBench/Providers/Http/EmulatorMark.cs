using System.Globalization;
using ImageBench.Attempts;

namespace ImageBench.Providers.Http;

/// <summary>
/// The header every response of ImageBench's emulator carries, with its time scale. Real providers never send it, so
/// an attempt it answered is labelled emulated however the emulator was reached (<c>run --emulator</c> or a
/// models file whose base_url points at <c>imagebench emulator</c>).
/// </summary>
public static class EmulatorMark
{
    public const string Header = "x-imagebench-emulator";

    public static string Format(double timeScale) => timeScale.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Notes on the attempt that the emulator answered this call, when the response says so.</summary>
    public static void Note(HttpResponseMessage response, AttemptRecorder rec)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(rec);
        if (response.Headers.TryGetValues(Header, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale))
            rec.NoteEmulator(scale);
    }
}
