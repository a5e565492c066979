using System.Text;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Replicate;

/// <summary>
/// Takes a prediction's outputs home at once (Replicate deletes outputs after an hour): a data: URL is decoded,
/// a CDN link (replicate.delivery) fetched without the token, a file on the API host itself fetched with it.
/// </summary>
public static class ReplicateOutput
{
    public static async Task<GenerationResult> FetchAsync(ProviderHttp http, RetryPolicy policy, GenerationRequest request, ReplicatePrediction prediction, int status,
        AttemptRecorder recorder, CancellationToken ct)
    {
        recorder.BeginPhase(PhaseNames.Download);
        var output = prediction.Output!;
        Task<Download> Download(Uri url, CancellationToken token) => ReplicateProvider.SendsKeyTo(url, request.Model.BaseUrl)
            ? DownloadWithKeyAsync(http, policy, url, request.Key, recorder, token)
            : http.DownloadAsync(url, recorder, policy, BodyReader.DefaultCap, token);
        byte[] bytes;
        string? contentType;
        int httpStatus;
        if (InlineImageUrl.IsDataUrl(output))
        {
            var (inline, media, bad) = InlineImageUrl.Decode(output);
            if (inline is null) return GenerationResult.Failed(AttemptOutcome.InvalidResponse, $"output: {bad}", status);
            (bytes, contentType, httpStatus) = (inline, media, status);
        }
        else
        {
            var download = await Download(new Uri(output), ct).ConfigureAwait(false);
            if (download.Bytes is null) return download.AsFailure(null);
            (bytes, contentType, httpStatus) = (download.Bytes, download.ContentType, download.HttpStatus ?? status);
        }
        var done = new GenerationResult
        {
            Outcome = AttemptOutcome.Ok,
            HttpStatus = httpStatus,
            ImageBytes = bytes,
            DeclaredContentType = contentType ?? (request.Options.TryGetValue("output_format", out var f) ? $"image/{(f == "jpg" ? "jpeg" : f)}" : null),
            ServerMs = ReplicateProvider.ServerMs(prediction),
            ServerMsSource = ReplicateProvider.Source(prediction),
            Seed = prediction.Seed,
        };
        var extras = prediction.ExtraOutputs.Select((url, i) => new ExtraImageSource($"output[{i + 1}]", null, url)).ToList();
        return await ExtraImages.AddToAsync(done, extras, http, recorder, policy, ct, Download).ConfigureAwait(false);
    }

    /// <summary>Files served by the API host itself (api.replicate.com/v1/files/…) need the key; CDN links never get it.</summary>
    private static async Task<Download> DownloadWithKeyAsync(ProviderHttp http, RetryPolicy policy, Uri url, ApiKey? key, AttemptRecorder recorder, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(() => ReplicateProvider.Build(HttpMethod.Get, url, key, null, null, "*/*"), recorder, policy, PhaseNames.Download, CallBilling.Free, ct, key).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryPolicy.IsRetryableException(e) && !ct.IsCancellationRequested)
        {
            return new Download(null, null, null, ProviderWords.Redact($"image download failed: {e.Message}", key), false);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var read = await BodyReader.ReadAsync(response, BodyReader.DefaultCap, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return new Download(null, null, status, $"image download failed: HTTP {status}: {ProviderWords.From(read.Bytes is { } b ? Encoding.UTF8.GetString(b) : "", key)}", false);
            return read.Ok
                ? new Download(read.Bytes, response.Content.Headers.ContentType?.MediaType, status, null, false)
                : new Download(null, null, status, $"image download: {read.Failure}", true);
        }
    }
}
