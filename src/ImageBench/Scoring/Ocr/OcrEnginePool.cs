using System.Collections.Concurrent;

namespace ImageBench.Scoring.Ocr;

/// <summary>
/// Hands each worker its own engine (native engines are single-threaded) and keeps idle ones for reuse, because
/// starting Tesseract loads a 4 MB model and costs far more than reading one image. Grows to the number of
/// concurrent callers; thread-safe.
/// </summary>
public sealed class OcrEnginePool(Func<IOcrEngine> create) : IDisposable
{
    private readonly ConcurrentBag<IOcrEngine> _idle = [];
    private readonly ConcurrentBag<IOcrEngine> _all = [];
    private bool _disposed;

    /// <summary>Engines created so far.</summary>
    public int Created => _all.Count;

    /// <summary>Runs <paramref name="work"/> with an engine no other thread is using.</summary>
    /// <exception cref="OcrUnavailableException">The engine cannot be created on this machine.</exception>
    public T Use<T>(Func<IOcrEngine, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var engine))
        {
            engine = create();
            _all.Add(engine);
        }
        try
        {
            return work(engine);
        }
        finally
        {
            _idle.Add(engine);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var engine in _all)
        {
            engine.Dispose();
        }
    }
}
