using System.Text;
using ImageBench.Emulator.Faults;
using ImageBench.Emulator.Rendering;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Emulator.Delivery;

/// <summary>
/// The CDN-like delivery host. It needs no key (the URL is signed), and counts requests that carry one anyway,
/// because sending x-key to a third-party host leaks the credential.
/// </summary>
internal sealed class DeliveryEndpoint(DeliveryStore store, SignedUrls urls, EmulatorOptions options, EmulatorStats stats, ResponseWriter writer)
{
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
        var image = await entry.Image.ConfigureAwait(false);
        RenderedTextHeader.Set(ctx.Response, image.Text);
        await writer.BodyAsync(ctx, image.Bytes, image.ContentType, entry.Fault).ConfigureAwait(false);
    }

    private static async Task BlobErrorAsync(HttpContext ctx, int status, string code, string message)
    {
        // Azure Blob Storage answers in XML, not JSON.
        var body = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>");
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/xml";
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }
}
