using ImageBench.Web.Images;
using ImageBench.Web.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ImageBench.Web.Api;

/// <summary>
/// The only files served: a run's stored images (by their hash name), their thumbnails, and the embedded assets.
/// Nothing else in a run directory (the store, results.json, report.html) is reachable, and a name is checked
/// against what can exist before any path is built (<see cref="RunWorkspace.ImageFile"/>).
/// </summary>
internal static class FileEndpoints
{
    /// <summary>Images are named by their content's hash, so a cached copy is never stale.</summary>
    private const string Immutable = "private, max-age=31536000, immutable";

    public static void Map(IEndpointRouteBuilder app, RunWorkspace workspace, ThumbnailCache thumbnails, SiteAssets assets)
    {
        app.MapGet("/runs/{name}/images/{file}", (string name, string file, HttpContext context) =>
        {
            if (workspace.Find(name) is not { } run || workspace.ImageFile(run, file) is not { } path) return Results.NotFound();
            context.Response.Headers.CacheControl = Immutable;
            return Results.File(path, ContentType(path));
        });

        app.MapGet("/runs/{name}/thumbnails/{file}", async (string name, string file, HttpContext context) =>
        {
            if (workspace.Find(name) is not { } run || workspace.ImageFile(run, file) is not { } path) return Results.NotFound();
            var bytes = await thumbnails.GetAsync(path, context.RequestAborted).ConfigureAwait(false);
            if (bytes is null) return Results.NotFound();
            context.Response.Headers.CacheControl = Immutable;
            return Results.Bytes(bytes, "image/webp");
        });

        app.MapGet("/assets/{file}", (string file, string? v, HttpContext context) =>
        {
            if (assets.Find(file) is not { } asset) return Results.NotFound();
            context.Response.Headers.CacheControl = v == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(asset.Bytes, asset.ContentType);
        });
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".png" => "image/png",
        ".jpg" => "image/jpeg",
        _ => "image/webp",
    };
}
