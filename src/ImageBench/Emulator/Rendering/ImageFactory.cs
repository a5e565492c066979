using System.Collections.Concurrent;
using ImageBench.Emulator.Randomness;

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

    /// <summary>The quoted strings of the prompt as this model draws them (typos applied, deterministic per seed).</summary>
    public IReadOnlyList<string> RenderedStrings(string model, string prompt) =>
        TypoInjector.Apply(QuotedStrings.In(prompt), options.ProfileFor(model).TypoRate, options.Seed, model, prompt);

    public async Task<RenderedImage> RenderAsync(string model, string prompt, int width, int height, string format, int quality, int variant = 0)
    {
        var text = RenderedStrings(model, prompt);
        var request = new RenderRequest(
            string.Join('\n', text), DeterministicRandom.Hash(options.Seed, model, prompt, "style", variant),
            width, height, format, quality, options.ProfileFor(model).ImageBytesTarget) { Text = text };
        var lazy = _cache.GetOrAdd(request, r => new Lazy<Task<byte[]>>(() => Task.Run(() => PosterRenderer.Render(r))));
        return new RenderedImage(await lazy.Value.ConfigureAwait(false), format, text);
    }
}
