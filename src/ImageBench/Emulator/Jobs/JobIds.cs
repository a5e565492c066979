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
        // Two independent 64-bit hashes so every one of the 26 characters varies (130 bits are drawn from 128).
        var low = Randomness.DeterministicRandom.Hash(seed, callIndex, "id-low");
        var high = Randomness.DeterministicRandom.Hash(seed, callIndex, "id-high");
        var bits = new System.Numerics.BigInteger(BitConverter.GetBytes(low).Concat(BitConverter.GetBytes(high)).Append((byte)0).ToArray());
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
