using System.Globalization;

namespace ImageBench.Emulator.Jobs;

/// <summary>Deterministic ids in each provider's style, from the call plan's seed and call index.</summary>
internal static class JobIds
{
    public static string Guid(ulong seed, int callIndex) =>
        new System.Guid(BitConverter.GetBytes(seed).Concat(BitConverter.GetBytes((ulong)callIndex ^ 0x9E3779B97F4A7C15UL)).ToArray()).ToString();

    /// <summary>Replicate ids are 26 lowercase base-32 characters ("azaq55dbukgxg6kubr4k6g3pby").</summary>
    public static string Base32(ulong seed, int callIndex)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bits = new System.Numerics.BigInteger(BitConverter.GetBytes(seed).Concat(BitConverter.GetBytes((ulong)callIndex * 0x9E3779B97F4A7C15UL)).Append((byte)0).ToArray());
        var chars = new char[26];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[(int)(bits % 32)];
            bits /= 32;
        }
        return new string(chars);
    }

    public static string Hex(ulong seed) => seed.ToString("x16", CultureInfo.InvariantCulture);
}
