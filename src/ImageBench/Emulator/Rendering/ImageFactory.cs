using System.Collections.Concurrent;
using ImageBench.Emulator.Randomness;
using ImageBench.Emulator.Scenes;

namespace ImageBench.Emulator.Rendering;

/// <summary>An encoded image plus the text drawn on it.</summary>
internal sealed record RenderedImage(byte[] Bytes, string Format, IReadOnlyList<string> Text)
{
    public string ContentType => "image/" + Format;
}

/// <summary>
/// Decides what a model draws for a prompt and renders it off the request thread, caching by what is drawn
/// because a noisy 1024² render and encode costs tens to hundreds of milliseconds.
/// </summary>
internal sealed class ImageFactory(EmulatorOptions options)
{
    private readonly ConcurrentDictionary<RenderRequest, Lazy<Task<byte[]>>> _cache = new();
    private readonly ConcurrentDictionary<(string Model, string Prompt), int[]> _served = new();
    private int _rendersStarted;

    /// <summary>Images actually drawn (cache misses).</summary>
    public int RendersStarted => Volatile.Read(ref _rendersStarted);

    /// <summary>The quoted strings of the prompt as this model draws them (typos applied, deterministic per seed and variant).</summary>
    public IReadOnlyList<string> RenderedStrings(string model, string prompt, int variant = 0) =>
        TypoInjector.Apply(QuotedStrings.In(prompt), options.ProfileFor(model).TypoRate, options.Seed, model, prompt, variant);

    /// <summary>
    /// The next image of this model for this prompt: the first call gets variant 0, the next variant 1, … so repeats
    /// (and re-rolls) are different pictures with their own typos, as with a real model, while one run's images stay
    /// reproducible from the seed. Endpoints call this; <see cref="RenderAsync"/> with an explicit variant prewarms.
    /// </summary>
    public Task<RenderedImage> RenderNextAsync(string model, string prompt, int width, int height, string format, int quality) =>
        RenderAsync(model, prompt, width, height, format, quality, Interlocked.Increment(ref _served.GetOrAdd((model, prompt), _ => [0])[0]) - 1);

    public async Task<RenderedImage> RenderAsync(string model, string prompt, int width, int height, string format, int quality, int variant = 0)
    {
        var text = RenderedStrings(model, prompt, variant);
        var request = new RenderRequest(
            string.Join('\n', text), DeterministicRandom.Hash(options.Seed, model, prompt, "style", variant),
            width, height, format, quality, options.ProfileFor(model).ImageBytesTarget);
        var lazy = _cache.GetOrAdd(request, r => new Lazy<Task<byte[]>>(() => RenderAndRecordSceneAsync(r, model, prompt)));
        return new RenderedImage(await lazy.Value.ConfigureAwait(false), format, text);
    }

    /// <summary>What each image drawn so far shows, for the emulated judge (Emulator/Judge).</summary>
    public SceneRegistry Scenes { get; } = new();

    /// <summary>What <paramref name="model"/> draws for <paramref name="prompt"/>: the prompt's counted objects with the profile's deviations.</summary>
    public Scene SceneFor(string model, string prompt) => SceneBuilder.Build(model, prompt, options.ProfileFor(model), options.Seed);

    /// <summary>Runs once per distinct image (inside the cache's Lazy), so each image is queued for the judge once.</summary>
    private async Task<byte[]> RenderAndRecordSceneAsync(RenderRequest request, string model, string prompt)
    {
        var bytes = await RenderOffPoolAsync(request).ConfigureAwait(false);
        Scenes.Add(bytes, SceneFor(model, prompt));
        return bytes;
    }

    /// <summary>
    /// Drawing and encoding a 1024² image takes hundreds of milliseconds of CPU. Done on thread-pool threads it
    /// starves the pool that the HTTP stack (and, in-process, the harness measuring latency) runs on, so renders
    /// get their own threads, at most one per core.
    /// </summary>
    private async Task<byte[]> RenderOffPoolAsync(RenderRequest request)
    {
        Interlocked.Increment(ref _rendersStarted);
        await Renderers.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Task.Factory.StartNew(() => PosterRenderer.Render(request), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            Renderers.Release();
        }
    }

    private static readonly SemaphoreSlim Renderers = new(Environment.ProcessorCount);
}
