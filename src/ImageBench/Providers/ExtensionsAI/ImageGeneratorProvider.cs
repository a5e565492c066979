using ImageBench.Attempts;
using ImageBench.Providers.Http;
using Microsoft.Extensions.AI;

namespace ImageBench.Providers.ExtensionsAI;

/// <summary>
/// Benchmarks any Microsoft.Extensions.AI <see cref="IImageGenerator"/>. The abstraction hides the wire, so the
/// timing is only what is honestly visible from outside: one "generating" phase for the whole call (no submit,
/// queue or download split), no server time, no retries (the generator's own, if any, are inside that phase),
/// and usage only when the response carries it. It never sees money, so cost comes from the catalog.
/// </summary>
public sealed class ImageGeneratorProvider(IImageGenerator generator, string family = "meai") : IImageProvider
{
    private readonly IImageGenerator _generator = generator ?? throw new ArgumentNullException(nameof(generator));

    public string Family { get; } = family ?? throw new ArgumentNullException(nameof(family));

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recorder);
        var described = ImageGeneratorOptionsBuilder.Describe(request);
        recorder.BeginPhase(PhaseNames.Generating);
        ImageGenerationResponse response;
        try
        {
            response = await _generator.GenerateAsync(new ImageGenerationRequest(request.Prompt), ImageGeneratorOptionsBuilder.Build(request), ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The abstraction has no error contract: the exception's words are all there is to classify.
            var words = ProviderWords.Truncate(ProviderWords.Redact($"{e.GetType().Name}: {e.Message}", request.Key));
            return GenerationResult.Failed(ModerationWording.Matches(e.Message) ? AttemptOutcome.Refused : AttemptOutcome.ProviderError, words, request: described);
        }

        var usage = Usage(response.Usage);
        var image = response.Contents?.OfType<DataContent>().FirstOrDefault(c => c.HasTopLevelMediaType("image"))
                    ?? response.Contents?.OfType<DataContent>().FirstOrDefault();
        if (image is null || image.Data.Length == 0)
        {
            var kinds = response.Contents is { Count: > 0 } c ? string.Join(", ", c.Select(x => x.GetType().Name)) : "nothing";
            return GenerationResult.Failed(AttemptOutcome.InvalidResponse, $"generator returned no image bytes (got {kinds})", request: described) with { Usage = usage };
        }
        // More images than the one asked for come back in Contents too; they are kept, never dropped.
        var extras = response.Contents!.OfType<DataContent>()
            .Where(c => !ReferenceEquals(c, image) && c.HasTopLevelMediaType("image"))
            .Select(c => new ReturnedImage(c.Data.Length > 0 ? c.Data.ToArray() : null, c.MediaType, Failure: c.Data.Length > 0 ? null : "empty image content"))
            .ToList();
        return new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            ImageBytes = image.Data.ToArray(),
            DeclaredContentType = image.MediaType,
            Usage = usage,
            Request = described,
            ExtraImages = extras,
        };
    }

    /// <summary>Synchronous from the outside: a resumed attempt runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    private static TokenUsage? Usage(UsageDetails? usage)
    {
        if (usage is null) return null;
        var parsed = new TokenUsage(InputTextTokens: usage.InputTextTokenCount, InputTokens: usage.InputTokenCount,
            OutputTokens: usage.OutputTokenCount, TotalTokens: usage.TotalTokenCount);
        return parsed == new TokenUsage() ? null : parsed;
    }
}
