using ImageBench.Reporting.Html;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace ImageBench.Web.Api;

/// <summary>A page: a component rendered on the server by the same renderer as report.html, never cached (runs change).</summary>
internal sealed class PageResult<TPage>(IReadOnlyDictionary<string, object?> parameters, int statusCode = StatusCodes.Status200OK) : IResult
    where TPage : IComponent
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var html = await ComponentRenderer.RenderAsync<TPage>(parameters).ConfigureAwait(false);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        httpContext.Response.Headers.CacheControl = "no-store";
        await httpContext.Response.WriteAsync(html, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
