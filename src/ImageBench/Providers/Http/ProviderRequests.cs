using System.Net.Http.Headers;
using System.Text;

namespace ImageBench.Providers.Http;

/// <summary>
/// Builds provider requests: content, Accept, and the key in the header each API wants. One place, so every
/// adapter sets credentials the same way and only on the requests it builds for the API host.
/// </summary>
internal static class ProviderRequests
{
    /// <summary>A request with a JSON body (or none, for polls) that accepts <paramref name="accept"/>.</summary>
    public static HttpRequestMessage Json(HttpMethod method, Uri url, string? json, string accept = "application/json") =>
        Create(method, url, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"), accept);

    public static HttpRequestMessage Create(HttpMethod method, Uri url, HttpContent? content, string accept = "application/json")
    {
        var message = new HttpRequestMessage(method, url) { Content = content };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return message;
    }

    /// <summary><c>Authorization: Bearer …</c>, when there is a key.</summary>
    public static HttpRequestMessage WithBearer(this HttpRequestMessage message, ApiKey? key)
    {
        if (key is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Reveal());
        return message;
    }

    /// <summary>The key in a header of the API's own (x-key, Api-Key, or Authorization with a scheme such as "Key ").</summary>
    public static HttpRequestMessage WithKeyHeader(this HttpRequestMessage message, string header, ApiKey? key, string prefix = "")
    {
        if (key is not null) message.Headers.TryAddWithoutValidation(header, prefix + key.Reveal());
        return message;
    }
}
