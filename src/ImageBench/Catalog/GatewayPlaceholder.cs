using ImageBench.Configuration;

namespace ImageBench.Catalog;

/// <summary>
/// A shipped entry for a model that only gateways sell (gpt-image-2-pro) has no endpoint of its own: its base URL is
/// on <c>.invalid</c>, a name reserved never to resolve (RFC 2606), until the user's models file names their gateway.
/// A real run refuses it before any call instead of recording a network error per attempt; the emulator serves it.
/// </summary>
public static class GatewayPlaceholder
{
    public static bool IsPlaceholder(Uri baseUrl) =>
        baseUrl.Host.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase) || baseUrl.Host.Equals("invalid", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InputException">A named model still has the placeholder base URL.</exception>
    public static void RefuseUnset(ModelCatalog catalog, IEnumerable<string> modelIds)
    {
        foreach (var id in modelIds)
        {
            if (catalog.TryGet(id, out var model) && IsPlaceholder(model.BaseUrl))
                throw new InputException($"model '{id}' is sold through gateways, and the catalog cannot know yours: give it your gateway's base_url and key_env in a --models-file (and a price, if you want it costed), or run it with --emulator");
        }
    }
}
