namespace OrleansHealth.Learning.Forests.Histogram;

/// <summary>
/// A small, fast generator (SplitMix64) for one tree's bootstrap and feature draws. Our own rather than
/// <see cref="Random"/> so that a seed names the same trees on every .NET version and platform, and so
/// that each tree's stream follows from (seed, tree index) alone, whichever thread grows it.
/// </summary>
internal struct TreeRandom
{
    private ulong state;

    public TreeRandom(int seed, int tree)
    {
        // Mix both numbers through the finaliser so nearby seeds and tree indexes give unrelated streams.
        state = Mix(((ulong)(uint)seed << 32) | (uint)tree) ^ 0x9E3779B97F4A7C15UL;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), <paramref name="bound"/> &gt; 0, without modulo bias (Lemire).</summary>
    public int Next(int bound)
    {
        var range = (ulong)bound;
        var product = (UInt128)NextUInt64() * range;
        var low = (ulong)product;
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }

        return (int)(ulong)(product >> 64);
    }

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
