using System.Text;
using System.Text.Json.Nodes;
using ImageBench.Attempts;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Gemini;

/// <summary>One synchronous Google call (Gemini or Imagen): phases, retries, body read and HTTP error mapping.</summary>
internal static class GoogleCall
{
    public static async Task<(byte[]? Body, int Status, double? ServerMs, GenerationResult? Failure)> PostAsync(ProviderHttp http, RetryPolicy policy,
        CallBilling create, GoogleEndpoint endpoint, JsonObject body, ApiKey? key, AttemptRecorder recorder, CancellationToken ct)
    {
        var json = body.ToJsonString();
        recorder.BeginPhase(PhaseNames.Generating);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(() => endpoint.Post(json, key), recorder, policy, PhaseNames.Generating, create, ct, key).ConfigureAwait(false);
        }
        catch (Exception e) when (RetryPolicy.IsRetryableException(e) && !ct.IsCancellationRequested)
        {
            return (null, 0, null, GenerationResult.Failed(AttemptOutcome.ProviderError, create.NetworkErrorReason("", e, key), request: body));
        }
        using (response)
        {
            recorder.BeginPhase(PhaseNames.Download);
            var status = (int)response.StatusCode;
            var serverMs = GoogleEndpoint.ServerTimingMs(response);
            var read = await BodyReader.ReadAsync(response, BodyReader.DefaultCap, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = read.Bytes is { } b ? Encoding.UTF8.GetString(b) : $"({read.Failure})";
                var (outcome, reason) = GeminiErrorClassifier.ClassifyHttp(status, text, key);
                return (null, status, serverMs, GenerationResult.Failed(outcome, reason, status, body));
            }
            return read.Ok
                ? (read.Bytes, status, serverMs, null)
                : (null, status, serverMs, GenerationResult.AnswerLost(read.Failure!, status, body));
        }
    }
}
