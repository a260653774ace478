namespace OrleansHealth.Synthetic.Randomness;

/// <summary>
/// SplitMix64. System.Random's algorithm for a given seed is not a documented contract, so a seed
/// would not pin the output across runtimes; this one is fixed by this file. Each person and purpose
/// gets its own instance (<see cref="For"/>), which keeps generation order-free and parallel.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
    private ulong state = seed;

    /// <summary>An independent stream for one purpose of one entity (a person, a person in a source).</summary>
    public static DeterministicRandom For(long seed, RandomStream stream, long entity, long part = 0)
    {
        var h = Mix((ulong)seed ^ Mix((ulong)stream + GoldenGamma));
        h = Mix(h ^ (ulong)entity);
        h = Mix(h ^ Mix((ulong)part + 0x632BE59BD9B4E019UL));
        return new DeterministicRandom(h);
    }

    /// <summary>A stable 64-bit value for a seed and purpose, for the bijections that make ids unique.</summary>
    public static ulong Hash(long seed, RandomStream stream, long part = 0) => For(seed, stream, -1, part).NextUInt64();

    public ulong NextUInt64()
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive); the multiply-shift bias is below 2^-32 for the small ranges used here.</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Uniform in [minInclusive, maxInclusive].</summary>
    public int NextInt(int minInclusive, int maxInclusive) => minInclusive + NextInt(maxInclusive - minInclusive + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller, one value per call so the stream position never depends on a cache).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>A version-4 shaped UUID in lower case, as FHIR urn:uuid ids are written.</summary>
    public string NextUuid()
    {
        var high = NextUInt64();
        var low = NextUInt64();
        high = (high & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL;
        low = (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;
        return string.Create(36, (high, low), static (span, v) =>
        {
            const string hex = "0123456789abcdef";
            var position = 0;
            for (var i = 0; i < 32; i++)
            {
                if (i is 8 or 12 or 16 or 20)
                {
                    span[position++] = '-';
                }

                var word = i < 16 ? v.high : v.low;
                var shift = 60 - ((i % 16) * 4);
                span[position++] = hex[(int)((word >> shift) & 0xF)];
            }
        });
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
