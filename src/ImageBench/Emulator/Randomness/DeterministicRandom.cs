using System.Text;

namespace ImageBench.Emulator.Randomness;

/// <summary>
/// SplitMix64 seeded from a stable hash of its inputs. System.Random and string.GetHashCode are not stable
/// across processes, and the emulator must give the same answers for the same (seed, model, prompt, call).
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed) => _state = seed;

    public static DeterministicRandom For(params object[] parts) => new(Hash(parts));

    public static ulong Hash(params object[] parts)
    {
        // FNV-1a over the UTF-8 of each part, with a separator so ("ab","c") differs from ("a","bc").
        ulong hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture) ?? ""))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }
        return hash;
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public int NextInt(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public double NextGaussian()
    {
        // Box–Muller; 1 - u keeps the logarithm finite.
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
