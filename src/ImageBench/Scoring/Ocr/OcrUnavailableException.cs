namespace ImageBench.Scoring.Ocr;

/// <summary>The engine cannot start on this machine (library or model missing); the message says how to fix it.</summary>
public sealed class OcrUnavailableException : Exception
{
    public OcrUnavailableException() { }
    public OcrUnavailableException(string message) : base(message) { }
    public OcrUnavailableException(string message, Exception inner) : base(message, inner) { }
}
