using System.Text;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Delivery;

/// <summary>
/// The CDN-like delivery host. It needs no key (the URL is signed), and counts requests that carry one anyway,
/// because sending x-key to a third-party host leaks the credential. Every fetch of a URL draws its own fault
/// (<see cref="FaultSite.Delivery"/>), keyed by the URL, so a transient one is never repeated on the retry.
/// </summary>
internal sealed class DeliveryEndpoint(
    DeliveryStore store, SignedUrls urls, EmulatorOptions options, EmulatorStats stats, FaultGate gate, ResponseWriter writer)
{
    /// <summary>Azure Blob Storage answers errors in XML, not JSON.</summary>
    private static readonly ErrorShape BlobErrors = new((_, status, words) => Blob(status switch
    {
        429 or 503 => "ServerBusy",
        _ => "InternalError",
    }, words), "application/xml");

    public async Task HandleAsync(HttpContext ctx, string id)
    {
        // Every header any adapter carries a key in: BFL, Bearer/Key schemes, Ideogram, Google.
        bool withCredentials = ctx.Request.Headers.ContainsKey("x-key") || ctx.Request.Headers.ContainsKey("Authorization")
            || ctx.Request.Headers.ContainsKey("Api-Key") || ctx.Request.Headers.ContainsKey("x-goog-api-key");
        stats.CountDelivery(withCredentials);
        string path = ctx.Request.Path.Value!.TrimStart('/');
        var entry = store.Find(id);
        var now = options.Time.GetUtcNow();
        if (entry is null || now < entry.NotBefore)
        {
            await BlobErrorAsync(ctx, 404, "BlobNotFound", "The specified blob does not exist.").ConfigureAwait(false);
            return;
        }
        if (!urls.IsValid(path, ctx.Request.Query["se"], ctx.Request.Query["sig"]))
        {
            await BlobErrorAsync(ctx, 403, "AuthenticationFailed", "Signature did not match.").ConfigureAwait(false);
            return;
        }
        if (now > entry.ExpiresAt)
        {
            await BlobErrorAsync(ctx, 403, "AuthenticationFailed", "Signed expiry time has passed.").ConfigureAwait(false);
            return;
        }
        if (await gate.DrawAsync(ctx, FaultSite.Delivery, entry.Model, entry.Prompt, path, BlobErrors).ConfigureAwait(false) is not { } fault) return;
        if (fault.Kind is FaultKind.ExpiredUrl or FaultKind.GoneUrl)
        {
            // A dead URL stays dead: the planner draws these per URL, not per fetch.
            stats.CountFault(fault);
            await (fault.Kind == FaultKind.ExpiredUrl
                ? BlobErrorAsync(ctx, 403, "AuthenticationFailed", "Signed expiry time has passed.")
                : BlobErrorAsync(ctx, 404, "BlobNotFound", "The specified blob does not exist.")).ConfigureAwait(false);
            return;
        }
        var image = await entry.Image.ConfigureAwait(false);
        RenderedTextHeader.Set(ctx.Response, image.Text);
        await writer.BodyAsync(ctx, image.Bytes, image.ContentType, fault).ConfigureAwait(false);
    }

    private static byte[] Blob(string code, string message) =>
        Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>");

    private static Task BlobErrorAsync(HttpContext ctx, int status, string code, string message) =>
        ResponseWriter.WriteAsync(ctx, status, Blob(code, message), "application/xml");
}
