using System.Globalization;
using System.Net.Http.Headers;
using ImageBench.Providers.Http;

namespace ImageBench.Providers.Gemini;

/// <summary>
/// Where a Google model method lives and how the key travels, for both Gemini (:generateContent) and Imagen
/// (:predict). The catalog option <c>api</c> picks the surface:
/// <list type="bullet">
/// <item>absent / <c>gemini</c>: Gemini API, <c>{base}/v1beta/models/{model}:{method}</c>, key in <c>x-goog-api-key</c>.</item>
/// <item><c>vertex</c> with a <c>project</c> option: <c>{base}/v1beta1/projects/{project}/locations/{location|global}/publishers/google/models/{model}:{method}</c>
/// (the recorded Vertex form), the key variable holding an OAuth access token sent as <c>Authorization: Bearer</c>.</item>
/// <item><c>vertex</c> without a project (Vertex "express mode"): <c>{base}/v1/publishers/google/models/{model}:{method}</c>,
/// key in <c>x-goog-api-key</c> [UNVERIFIED: documented by Google, no capture].</item>
/// </list>
/// </summary>
public sealed record GoogleEndpoint(Uri Url, bool BearerAuth)
{
    /// <summary>Catalog options that steer the URL; never sent in a body.</summary>
    public static readonly IReadOnlySet<string> AdapterOptions = new HashSet<string>(StringComparer.Ordinal) { "api", "project", "location" };

    public static GoogleEndpoint For(GenerationRequest request, string method)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(method);
        var model = request.Model.Upstream;
        var options = request.Options;
        if (!(options.TryGetValue("api", out var api) && string.Equals(api, "vertex", StringComparison.OrdinalIgnoreCase)))
            return new(UrlJoin.Combine(request.Model.BaseUrl, $"v1beta/models/{model}:{method}"), false);
        if (options.TryGetValue("project", out var project) && project.Length > 0)
        {
            var location = options.TryGetValue("location", out var l) && l.Length > 0 ? l : "global";
            return new(UrlJoin.Combine(request.Model.BaseUrl,
                string.Create(CultureInfo.InvariantCulture, $"v1beta1/projects/{Uri.EscapeDataString(project)}/locations/{Uri.EscapeDataString(location)}/publishers/google/models/{model}:{method}")), true);
        }
        return new(UrlJoin.Combine(request.Model.BaseUrl, $"v1/publishers/google/models/{model}:{method}"), false);
    }

    public HttpRequestMessage Post(string json, ApiKey? key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (key is null) return message;
        if (BearerAuth) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Reveal());
        else message.Headers.TryAddWithoutValidation("x-goog-api-key", key.Reveal());
        return message;
    }

    /// <summary>Google front ends report their own time as <c>server-timing: gfet4t7; dur=25969</c> (milliseconds).</summary>
    public static double? ServerTimingMs(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("server-timing", out var values)) return null;
        foreach (var metric in values.SelectMany(v => v.Split(',')))
        {
            foreach (var param in metric.Split(';'))
            {
                var p = param.Trim();
                if (p.StartsWith("dur=", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(p.AsSpan(4).Trim('"'), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                    && double.IsFinite(ms) && ms >= 0)
                    return ms;
            }
        }
        return null;
    }

    /// <summary>The aspect ratio Google's image models accept closest to the requested size ("1:1", "16:9", …).</summary>
    public static string AspectRatio(int width, int height, IReadOnlyList<string> supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        if (width <= 0 || height <= 0) return "1:1";
        var target = Math.Log((double)width / height);
        return supported.MinBy(r =>
        {
            var parts = r.Split(':');
            return Math.Abs(Math.Log(double.Parse(parts[0], CultureInfo.InvariantCulture) / double.Parse(parts[1], CultureInfo.InvariantCulture)) - target);
        })!;
    }
}
