using System.Security.Cryptography;
using System.Text;

namespace ImageBench.Web.Authentication;

/// <summary>The browser token of a served workspace: 32 random bytes, compared in constant time.</summary>
public static class AccessToken
{
    public static string Generate() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static bool Matches(string? presented, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null) return false;
        // Hashing first makes the comparison length-independent as well as constant-time.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
