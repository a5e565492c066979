using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Ideogram;

/// <summary>
/// Ideogram 3.0 (POST {base}/v1/ideogram-v3/generate, multipart, Api-Key header). Synchronous; the answer holds
/// an ephemeral URL that is fetched at once, without the key (a custom header .NET would not strip anywhere).
/// </summary>
public sealed class IdeogramProvider : IImageProvider
{
    public const string FamilyName = "ideogram";
    public const string KeyHeader = "Api-Key";

    private readonly ProviderHttp _http;
    private readonly RetryPolicy _policy;

    public IdeogramProvider(ProviderHttp http, RetryPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _policy = policy ?? RetryPolicy.Default;
    }

    public string Family => FamilyName;

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CancellationToken ct) =>
        CallBilling.CreatingPaidWorkAsync(create => GenerateAsync(request, recorder, create, ct));

    private async Task<GenerationResult> GenerateAsync(GenerationRequest request, AttemptRecorder recorder, CallBilling create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recorder);
        var fields = IdeogramRequestBody.Build(request);
        var endpoint = UrlJoin.Combine(request.Model.BaseUrl, "v1/ideogram-v3/generate");

        var call = await SyncExchange.SendParsedAsync(_http, () => Post(endpoint, fields, request.Key), recorder, _policy, create,
            request.Key, 4 * 1024 * 1024,
            IdeogramErrorClassifier.Classify, IdeogramResponseParser.Parse, ct).ConfigureAwait(false);
        if (call.Failure is not null) return call.Failure with { Request = fields };
        var (answer, parsed) = (call.Answer!, call.Value!);
        if (parsed.ImageUrl is null)
            return GenerationResult.Failed(AttemptOutcome.Refused, IdeogramErrorClassifier.UnsafeReason(parsed), answer.Status, fields) with { Seed = parsed.Seed };

        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = answer.Status,
            // Magic prompt may rewrite the prompt; data[0].prompt is what was drawn.
            RevisedPrompt = parsed.Prompt is { } p && p != request.Prompt ? p : null,
            Seed = parsed.Seed,
            Request = fields,
        };
        var first = await SyncExchange.DownloadAsync(_http, parsed.ImageUrl, recorder, _policy, done, ct).ConfigureAwait(false);
        return await ExtraImages.AddToAsync(first, parsed.Extras, _http, recorder, _policy, ct).ConfigureAwait(false);
    }

    /// <summary>Synchronous: no job to pick up, so a resumed attempt runs again.</summary>
    public Task<GenerationResult> ResumeAsync(GenerationRequest request, JobHandle job, AttemptRecorder recorder, CancellationToken ct) =>
        GenerateAsync(request, recorder, ct);

    private static HttpRequestMessage Post(Uri endpoint, System.Text.Json.Nodes.JsonObject fields, ApiKey? key) =>
        ProviderRequests.Create(HttpMethod.Post, endpoint, MultipartForm.From(fields)).WithKeyHeader(KeyHeader, key);
}
