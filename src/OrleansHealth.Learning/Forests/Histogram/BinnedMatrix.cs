using OrleansHealth.Learning.Data;

namespace OrleansHealth.Learning.Forests.Histogram;

/// <summary>
/// The training matrix with every value replaced by its feature's bin code (one byte), stored column by
/// column so that building one feature's histogram reads one contiguous column. A feature with at most
/// <c>maxBins</c> distinct values gets one bin per value; otherwise the sorted distinct values are cut
/// into bins of roughly equal row counts (quantiles), never splitting a value between two bins.
/// </summary>
/// <remarks>
/// Each bin remembers the smallest and largest training value in it, so a split "bin &lt;= e" can be
/// written as the float test <c>x &lt;= t</c> for any <c>t</c> in [<see cref="BinMax"/>[e],
/// <see cref="BinMin"/>[e + 1]): for every training row both tests then agree exactly.
/// </remarks>
internal sealed class BinnedMatrix
{
    private BinnedMatrix(int rows, int features, byte[] codes, float[][] binMin, float[][] binMax)
    {
        Rows = rows;
        Features = features;
        Codes = codes;
        BinMin = binMin;
        BinMax = binMax;
    }

    public int Rows { get; }

    public int Features { get; }

    /// <summary>Bin codes, column-major: row <c>r</c> of feature <c>f</c> is at <c>f * Rows + r</c>.</summary>
    public byte[] Codes { get; }

    /// <summary>Smallest training value in each bin, per feature.</summary>
    public float[][] BinMin { get; }

    /// <summary>Largest training value in each bin, per feature.</summary>
    public float[][] BinMax { get; }

    public int BinCount(int feature) => BinMin[feature].Length;

    public ReadOnlySpan<byte> Column(int feature) => Codes.AsSpan(feature * Rows, Rows);

    /// <summary>The bin a training value falls in: the first bin whose largest value is at least it (the last bin for anything larger).</summary>
    public int BinOf(int feature, float value)
    {
        var max = BinMax[feature];
        int low = 0, high = max.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >> 1;
            if (value <= max[mid])
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return low;
    }

    /// <summary>Bins every feature of <paramref name="data"/> (finite values only), using up to <paramref name="threads"/> threads.</summary>
    public static BinnedMatrix Build(FeatureMatrix data, int maxBins, int threads)
    {
        var rows = data.Rows;
        var features = data.Columns;
        var codes = new byte[rows * features];
        var binMin = new float[features][];
        var binMax = new float[features][];
        if (threads <= 1 || features == 1)
        {
            var buffers = new SortBuffers(rows);
            for (var f = 0; f < features; f++)
            {
                BinFeature(data, f, maxBins, buffers, codes, binMin, binMax);
            }
        }
        else
        {
            Parallel.For(
                0,
                features,
                new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new SortBuffers(rows),
                (f, _, buffers) =>
                {
                    BinFeature(data, f, maxBins, buffers, codes, binMin, binMax);
                    return buffers;
                },
                _ => { });
        }

        return new BinnedMatrix(rows, features, codes, binMin, binMax);
    }

    /// <summary>
    /// Sorts the feature's (value, row) pairs, cuts the sorted values into bins and writes each row's
    /// code while walking the sorted order, so no value is looked up twice.
    /// </summary>
    private static void BinFeature(FeatureMatrix data, int feature, int maxBins, SortBuffers buffers, byte[] codes, float[][] binMin, float[][] binMax)
    {
        var rows = data.Rows;
        var sorted = buffers.Sort(data.Values, feature, data.Columns, rows);

        var distinct = 1;
        for (var i = 1; i < rows; i++)
        {
            if (ValueAt(sorted, i) != ValueAt(sorted, i - 1))
            {
                distinct++;
            }
        }

        var mins = new List<float>(Math.Min(distinct, maxBins)) { ValueAt(sorted, 0) };
        var maxs = new List<float>(Math.Min(distinct, maxBins));
        var target = codes.AsSpan(feature * rows, rows);

        // With few distinct values every value is its own bin (exact splits). Otherwise greedy quantile cuts:
        // close a bin after a distinct value once it holds its share of the rows not yet binned, the share
        // recomputed after each cut so that a heavy value filling a bin alone does not starve the rest.
        var exact = distinct <= maxBins;
        var remainingRows = rows;
        var remainingBins = maxBins;
        var inBin = 0;
        for (var i = 0; i < rows; i++)
        {
            target[(int)(uint)sorted[i]] = (byte)maxs.Count;
            inBin++;
            if (i == rows - 1)
            {
                break;
            }

            var value = ValueAt(sorted, i);
            var nextValue = ValueAt(sorted, i + 1);
            if (value == nextValue)
            {
                continue;
            }

            if (exact || (remainingBins > 1 && inBin * (double)remainingBins >= remainingRows))
            {
                maxs.Add(value);
                mins.Add(nextValue);
                remainingRows -= inBin;
                remainingBins--;
                inBin = 0;
            }
        }

        maxs.Add(ValueAt(sorted, rows - 1));
        binMin[feature] = [.. mins];
        binMax[feature] = [.. maxs];
    }

    /// <summary>The float whose order key is in the high half of a sorted (key, row) item.</summary>
    private static float ValueAt(ulong[] sorted, int i) => FromOrderKey((uint)(sorted[i] >> 32));

    /// <summary>Maps a float's bits to an unsigned key with the same order (negatives flipped, positives offset).</summary>
    private static uint ToOrderKey(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    private static float FromOrderKey(uint key) =>
        BitConverter.UInt32BitsToSingle((key & 0x8000_0000u) != 0 ? key & 0x7FFF_FFFFu : ~key);

    /// <summary>Buffers for an LSD radix sort of (order key, row) pairs: three 11-bit passes over the key.</summary>
    private sealed class SortBuffers(int rows)
    {
        private readonly ulong[] items = new ulong[rows];
        private readonly ulong[] spare = new ulong[rows];
        private readonly int[] counts = new int[3 << 11];

        /// <summary>Column <paramref name="feature"/>'s (key, row) pairs sorted by value, ties by row.</summary>
        public ulong[] Sort(float[] values, int feature, int width, int rowCount)
        {
            var counts = this.counts;
            Array.Clear(counts);
            for (int r = 0, i = feature; r < rowCount; r++, i += width)
            {
                var key = ToOrderKey(values[i]);
                items[r] = ((ulong)key << 32) | (uint)r;
                counts[key & 0x7FF]++;
                counts[(1 << 11) + (int)((key >> 11) & 0x7FF)]++;
                counts[(2 << 11) + (int)(key >> 22)]++;
            }

            var source = items;
            var destination = spare;
            for (var pass = 0; pass < 3; pass++)
            {
                var offsets = counts.AsSpan(pass << 11, 1 << 11);
                var shift = 32 + (11 * pass);
                if (offsets[(int)((source[0] >> shift) & 0x7FF)] == rowCount)
                {
                    continue; // every key has the same digit here: nothing to move
                }

                var sum = 0;
                for (var d = 0; d < offsets.Length; d++)
                {
                    var c = offsets[d];
                    offsets[d] = sum;
                    sum += c;
                }

                for (var r = 0; r < rowCount; r++)
                {
                    var item = source[r];
                    destination[offsets[(int)((item >> shift) & 0x7FF)]++] = item;
                }

                (source, destination) = (destination, source);
            }

            return source;
        }
    }

    /// <summary>
    /// The float threshold for a split of feature <paramref name="feature"/> whose left side ends with bin
    /// <paramref name="leftBin"/> and whose right side starts with bin <paramref name="rightBin"/> in the
    /// node being split (bins between them hold none of its rows). Like scikit-learn it aims at the
    /// midpoint between the two sides' nearest values, but it always lands in a gap between two adjacent
    /// bins (in [<see cref="BinMax"/>[e], <see cref="BinMin"/>[e + 1]) for some <c>leftBin &lt;= e &lt; rightBin</c>),
    /// so every training row, inside the node or not, takes the same side in float and in binned space.
    /// </summary>
    /// <returns>The threshold and the bin <c>e</c> it stands for: left when <c>bin &lt;= e</c>.</returns>
    public (float Threshold, int Bin) Threshold(int feature, int leftBin, int rightBin)
    {
        var mins = BinMin[feature];
        var maxs = BinMax[feature];
        var target = (maxs[leftBin] / 2.0) + (mins[rightBin] / 2.0);
        var bestBin = leftBin;
        var bestValue = ClampToGap((float)target, maxs[leftBin], mins[leftBin + 1]);
        var bestDistance = Math.Abs(bestValue - target);
        for (var e = leftBin + 1; e < rightBin; e++)
        {
            var value = ClampToGap((float)target, maxs[e], mins[e + 1]);
            var distance = Math.Abs(value - target);
            if (distance < bestDistance)
            {
                bestBin = e;
                bestValue = value;
                bestDistance = distance;
            }

            if (maxs[e] > target)
            {
                break; // this gap and all later ones lie wholly above the target
            }
        }

        return (bestValue, bestBin);
    }

    /// <summary><paramref name="value"/> moved into [<paramref name="low"/>, <paramref name="high"/>), where low &lt; high.</summary>
    private static float ClampToGap(float value, float low, float high)
    {
        if (value < low)
        {
            return low;
        }

        return value >= high ? MathF.BitDecrement(high) : value;
    }
}
