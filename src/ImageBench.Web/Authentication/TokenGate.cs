using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ImageBench.Web.Authentication;

/// <summary>
/// Every request passes here first. With a token (always on a non-loopback bind) a request must carry it: once in
/// the URL that <c>serve</c> printed (swapped for an HttpOnly cookie and a redirect that drops it from the
/// address bar), then by that cookie, or as <c>Authorization: Bearer</c> for scripts. Without a token the server
/// is loopback-only and refuses Host names other than loopback ones, so a web page cannot reach it through DNS
/// rebinding.
/// </summary>
internal sealed class TokenGate(RequestDelegate next, ServeOptions options)
{
    public const string QueryName = "token";

    /// <summary>Per port: cookies ignore ports, and two servers on one machine must not share a login.</summary>
    public static string CookieName(int port) => $"imagebench_token_{port}";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Token is not { } token)
        {
            if (!IsLoopbackHost(context.Request.Host.Host))
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "This server answers only to localhost, 127.0.0.1 and [::1].").ConfigureAwait(false);
                return;
            }
            await next(context).ConfigureAwait(false);
            return;
        }

        var cookie = CookieName(context.Connection.LocalPort);
        if (context.Request.Query.TryGetValue(QueryName, out var fromQuery) && AccessToken.Matches(fromQuery.ToString(), token))
        {
            context.Response.Cookies.Append(cookie, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = WithoutToken(context.Request);
            return;
        }
        if (AccessToken.Matches(context.Request.Cookies[cookie], token) || AccessToken.Matches(Bearer(context.Request.Headers.Authorization), token))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await RefuseAsync(context, StatusCodes.Status401Unauthorized, "This ImageBench workspace needs its token: open the address `imagebench serve` printed.").ConfigureAwait(false);
    }

    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>The same path and query without the token; never another host (a path starting "//" would be one).</summary>
    private static string WithoutToken(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).ToString();
        if (path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal)) path = "/";
        var rest = request.Query.Where(q => q.Key != QueryName).Select(q => new KeyValuePair<string, StringValues>(q.Key, q.Value));
        return path + QueryString.Create(rest).ToUriComponent();
    }

    private static string? Bearer(StringValues header)
    {
        var value = header.ToString();
        return value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..].Trim() : null;
    }

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }
}
