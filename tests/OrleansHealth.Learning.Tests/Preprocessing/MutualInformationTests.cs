using OrleansHealth.Learning.Preprocessing;

namespace OrleansHealth.Learning.Tests.Preprocessing;

public sealed class MutualInformationTests
{
    private const float NaN = float.NaN;

    private static double Score(float[] feature, bool[] labels, int bins = 10) =>
        MutualInformation.Rank(Matrices.Column(feature, labels), bins).Single().MutualInformation;

    private static bool[] Alternating(int n) => [.. Enumerable.Range(0, n).Select(i => i % 2 == 1)];

    [Fact]
    public void FeatureIdenticalToBalancedLabel_HasExactlyOneBit()
    {
        var labels = Alternating(20);

        Assert.Equal(1.0, Score([.. labels.Select(l => l ? 1f : 0f)], labels));
    }

    [Fact]
    public void FeatureIdenticalToUnbalancedLabel_HasTheLabelEntropy()
    {
        bool[] labels = [.. Enumerable.Range(0, 20).Select(i => i % 4 == 0)];

        Assert.Equal(Matrices.Entropy(0.25), Score([.. labels.Select(l => l ? 7f : 3f)], labels), 12);
    }

    [Fact]
    public void IndependentFeature_HasZero()
    {
        // Every (feature, label) pair occurs equally often.
        var labels = Alternating(20);
        float[] feature = [.. Enumerable.Range(0, 20).Select(i => (float)(i / 2 % 2))];

        Assert.Equal(0.0, Score(feature, labels));
    }

    [Fact]
    public void NoisyFeature_HasOneMinusTheNoiseEntropy()
    {
        // Balanced label; the feature agrees with it in 80 % of rows on both sides.
        bool[] labels = [.. Enumerable.Range(0, 20).Select(i => i >= 10)];
        float[] feature = [.. Enumerable.Range(0, 20).Select(i => (i >= 10) ^ (i % 10 < 2) ? 1f : 0f)];

        var score = Score(feature, labels);

        Assert.Equal(1 - Matrices.Entropy(0.2), score, 12);
        Assert.InRange(score, 0.27, 0.28);
    }

    [Fact]
    public void ConstantFeatureOrConstantLabel_HasZero()
    {
        Assert.Equal(0.0, Score([5, 5, 5, 5], Alternating(4)));
        Assert.Equal(0.0, Score([1, 2, 3, 4], new bool[4]));
    }

    [Fact]
    public void Missingness_IsItsOwnBin()
    {
        // Present (always 5) exactly when the label is false: only the missing bin carries the signal.
        var labels = Alternating(20);

        Assert.Equal(1.0, Score([.. labels.Select(l => l ? NaN : 5f)], labels));
    }

    [Fact]
    public void MissingBin_IsSeparateFromEveryValueBin()
    {
        // Values 0 and 1 are each split evenly between the labels; missing rows are all positive.
        bool[] labels = [false, true, false, true, true, true];
        float[] feature = [0, 0, 1, 1, NaN, NaN];

        // Bins {0: 1F 1T}, {1: 1F 1T}, {missing: 2T}; p(T) = 2/3.
        var expected = Matrices.Entropy(2.0 / 3) - (4.0 / 6 * 1.0);

        Assert.Equal(expected, Score(feature, labels), 12);
    }

    [Fact]
    public void MissingAtRandom_HasZero()
    {
        var labels = Alternating(20);
        float[] feature = [.. Enumerable.Range(0, 20).Select(i => i / 2 % 2 == 0 ? NaN : 5f)];

        Assert.Equal(0.0, Score(feature, labels));
    }

    [Fact]
    public void FewDistinctValues_AreTheirOwnBins_SoNonMonotoneRelationsCount()
    {
        // Values 1..4, five rows each; positive for 2 and 4. A single threshold could not separate them.
        float[] feature = [.. Enumerable.Range(0, 20).Select(i => (float)((i % 4) + 1))];
        bool[] labels = [.. feature.Select(v => v is 2 or 4)];

        Assert.Equal(1.0, Score(feature, labels, bins: 4));
    }

    [Fact]
    public void ContinuousFeature_UsesEqualFrequencyBins()
    {
        // Strongly skewed, all distinct; positive for the upper half by rank. Equal-width bins would
        // put almost every row in the first bin; quantile bins split at the median.
        float[] feature = [.. Enumerable.Range(0, 100).Select(i => MathF.Exp(i / 5f))];
        bool[] labels = [.. Enumerable.Range(0, 100).Select(i => i >= 50)];

        Assert.Equal(1.0, Score(feature, labels, bins: 2));
        Assert.Equal(1.0, Score(feature, labels, bins: 10));
    }

    [Fact]
    public void ContinuousFeature_BinBoundariesFallAtQuantiles()
    {
        // 0..99 positive from 50 up; three bins cut at ranks 33 and 66, so the middle bin (33..65)
        // mixes 17 negatives and 16 positives while the outer bins are pure.
        float[] feature = [.. Enumerable.Range(0, 100).Select(i => (float)i)];
        bool[] labels = [.. Enumerable.Range(0, 100).Select(i => i >= 50)];

        var expected = 1 - (0.33 * Matrices.Entropy(16.0 / 33));

        Assert.Equal(expected, Score(feature, labels, bins: 3), 12);
    }

    [Fact]
    public void HeavyTies_GiveFewerBinsWithoutSplittingAValue()
    {
        // 40 zeros and 60 distinct positives; the zeros are all negative. Every zero must land in one
        // bin, however many quantile cut points fall on zero.
        float[] feature = [.. Enumerable.Range(0, 100).Select(i => i < 40 ? 0f : i)];
        bool[] labels = [.. Enumerable.Range(0, 100).Select(i => i >= 40)];

        Assert.Equal(Matrices.Entropy(0.4), Score(feature, labels, bins: 10), 12);
    }

    [Fact]
    public void Rank_SortsByInformationThenColumn_WithOneBasedRanks()
    {
        bool[] labels = [.. Enumerable.Range(0, 20).Select(i => i >= 10)];
        float[] identical = [.. labels.Select(l => l ? 1f : 0f)];
        float[] independent = [.. Enumerable.Range(0, 20).Select(i => (float)(i % 2))];
        float[] noisy = [.. Enumerable.Range(0, 20).Select(i => (i >= 10) ^ (i % 10 < 2) ? 1f : 0f)];
        var m = Matrices.FromColumns(["independent", "identical", "noisy", "copy"], labels, independent, identical, noisy, identical);

        var ranking = MutualInformation.Rank(m);

        Assert.Equal([1, 3, 2, 0], ranking.Select(s => s.Column));
        Assert.Equal(["identical", "copy", "noisy", "independent"], ranking.Select(s => s.Name));
        Assert.Equal([1, 2, 3, 4], ranking.Select(s => s.Rank));
        Assert.Equal([1.0, 1.0], ranking.Take(2).Select(s => s.MutualInformation));
        Assert.Equal(0.0, ranking[3].MutualInformation);
    }

    [Fact]
    public void Rank_IsDeterministic()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 600).Select(_ => random.NextDouble() < 0.1 ? NaN : (float)random.NextDouble()).ToArray();
        bool[] labels = [.. Enumerable.Range(0, 200).Select(_ => random.NextDouble() < 0.3)];
        var m = Matrices.Of(["a", "b", "c"], values, labels);

        Assert.Equal(MutualInformation.Rank(m), MutualInformation.Rank(m));
    }

    [Fact]
    public void Rank_EmptyMatrix_ScoresZero()
    {
        var ranking = MutualInformation.Rank(Matrices.Of(["a"], []));

        Assert.Equal([new FeatureScore(0, "a", 0, 1)], ranking);
    }

    [Fact]
    public void Rank_FewerThanTwoBins_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MutualInformation.Rank(Matrices.Column([1]), bins: 1));
    }
}
