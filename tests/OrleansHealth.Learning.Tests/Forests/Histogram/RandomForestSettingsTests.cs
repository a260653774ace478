using OrleansHealth.Learning.Forests.Histogram;

namespace OrleansHealth.Learning.Tests.Forests.Histogram;

public class RandomForestSettingsTests
{
    [Fact]
    public void TheDefaultsAreScikitLearnsAndValid()
    {
        var settings = new RandomForestSettings();

        Assert.Empty(settings.Validate());
        Assert.Equal(100, settings.Trees);
        Assert.Null(settings.MaxFeatures);
        Assert.Equal(1, settings.MinSamplesLeaf);
        Assert.Equal(2, settings.MinSamplesSplit);
        Assert.Null(settings.MaxDepth);
        Assert.Equal(1.0, settings.SampleFraction);
        Assert.Equal(255, settings.MaxBins);
        Assert.Equal(1, settings.Threads);
    }

    [Fact]
    public void EveryProblemIsNamed()
    {
        var settings = new RandomForestSettings(
            Trees: 0, MaxFeatures: 0, MinSamplesLeaf: 0, MinSamplesSplit: 1, MaxDepth: 0, SampleFraction: 1.5, MaxBins: 257, Threads: 0);

        var problems = settings.Validate();

        Assert.Equal(8, problems.Count);
        foreach (var name in new[] { "Trees", "MaxFeatures", "MinSamplesLeaf", "MinSamplesSplit", "MaxDepth", "SampleFraction", "MaxBins", "Threads" })
        {
            Assert.Contains(problems, p => p.StartsWith(name + " ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    public void SampleFractionMustBeAPositiveFraction(double fraction) =>
        Assert.Single(new RandomForestSettings(SampleFraction: fraction).Validate());

    [Fact]
    public void TheLimitsThemselvesAreAllowed() =>
        Assert.Empty(new RandomForestSettings(Trees: 1, MaxFeatures: 1, MinSamplesSplit: 2, MaxDepth: 1, SampleFraction: 1e-9, MaxBins: 256, Threads: 256).Validate());
}
