using System.Globalization;
using ImageBench.Emulator.Randomness;

namespace ImageBench.Emulator.Delivery;

/// <summary>Azure-SAS-looking query strings like the real delivery URLs (se = expiry, sig = signature).</summary>
internal sealed class SignedUrls(Uri deliveryBase, int seed)
{
    public Uri For(string path, string contentType, DateTimeOffset expiresAt)
    {
        string se = expiresAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string query = $"se={Uri.EscapeDataString(se)}&sp=r&sv=2024-11-04&sr=b&rsct={contentType}&sig={Uri.EscapeDataString(Sign(path, se))}";
        return new Uri(deliveryBase, path + "?" + query);
    }

    public bool IsValid(string path, string? se, string? sig) =>
        se is not null && sig is not null && string.Equals(Sign(path, se), sig, StringComparison.Ordinal);

    private string Sign(string path, string se) =>
        Convert.ToBase64String(BitConverter.GetBytes(DeterministicRandom.Hash(seed, "sas", path, se)));
}
