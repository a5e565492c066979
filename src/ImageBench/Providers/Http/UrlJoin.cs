namespace ImageBench.Providers.Http;

/// <summary>
/// Appends an API path to a base URL that may carry its own prefix (https://gateway/openai/). Plain
/// <c>new Uri(base, "v1/x")</c> drops the last segment when the base lacks a trailing slash, and a leading
/// slash would drop the whole prefix, so both are normalised here.
/// </summary>
public static class UrlJoin
{
    public static Uri Combine(Uri baseUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(relative);
        var builder = new UriBuilder(baseUrl) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/')) builder.Path += "/";
        return new Uri(builder.Uri, relative.TrimStart('/'));
    }
}
