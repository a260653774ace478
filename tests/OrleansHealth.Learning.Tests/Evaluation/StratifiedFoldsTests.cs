using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

public sealed class StratifiedFoldsTests
{
    // 23 positives scattered among 100 rows (i·37 mod 100 runs through 0..99 once).
    private static readonly bool[] Labels = Enumerable.Range(0, 100).Select(i => i * 37 % 100 < 23).ToArray();

    [Fact]
    public void Every_fold_has_the_class_balance_within_one_row()
    {
        Assert.Equal(23, Labels.Count(l => l));
        var folds = StratifiedFolds.Assign(Labels, folds: 5, seed: 7);

        var positives = Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, 100).Count(i => folds[i] == f && Labels[i])).ToArray();
        var negatives = Enumerable.Range(0, 5).Select(f => Enumerable.Range(0, 100).Count(i => folds[i] == f && !Labels[i])).ToArray();

        Assert.All(folds, f => Assert.InRange(f, 0, 4));
        Assert.Equal([4, 5], positives.Distinct().Order().ToArray());
        Assert.Equal([15, 16], negatives.Distinct().Order().ToArray());
        Assert.All(Enumerable.Range(0, 5), f => Assert.Equal(20, positives[f] + negatives[f]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds()
    {
        Assert.Equal(StratifiedFolds.Assign(Labels, 5, 42), StratifiedFolds.Assign(Labels, 5, 42));
        Assert.NotEqual(StratifiedFolds.Assign(Labels, 5, 42), StratifiedFolds.Assign(Labels, 5, 43));
    }

    [Fact]
    public void Folds_may_equal_the_smaller_class()
    {
        bool[] labels = [true, false, false, true, false, true];
        var folds = StratifiedFolds.Assign(labels, folds: 3, seed: 1);

        Assert.All(Enumerable.Range(0, 3), f => Assert.Equal(1, Enumerable.Range(0, 6).Count(i => folds[i] == f && labels[i])));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(4)]
    public void Fold_counts_that_cannot_be_stratified_are_out_of_range(int folds)
    {
        bool[] labels = [true, true, true, false, false, false, false];

        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Assign(labels, folds, seed: 1));
    }

    [Fact]
    public void A_single_class_cannot_be_stratified()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Assign([true, true, true], 2, seed: 1));
    }
}
