using Microsoft.ML;
using Microsoft.ML.Data;
using OrleansHealth.Learning.Forests;

namespace OrleansHealth.Learning.Tests.Forests;

public class LogisticBaselineTests
{
    [Fact]
    public void OurProbabilityEqualsMlNets()
    {
        var training = Synthetic.Logistic(1_500, 6, seed: 21);
        var (baseline, model) = LogisticBaselineTrainer.TrainWithModel(training, seed: 1);
        var probe = training.Select([.. Enumerable.Range(0, 100)]);
        var mlProbability = model.Transform(MatrixDataView.Create(new MLContext(0), probe)).GetColumn<float>("Probability").ToArray();

        Assert.Equal(6, baseline.Width);
        for (var r = 0; r < probe.Rows; r++)
        {
            Assert.True(Math.Abs(baseline.Probability(probe.Row(r)) - mlProbability[r]) < 1e-5, $"row {r}: ours {baseline.Probability(probe.Row(r))}, ML.NET {mlProbability[r]}");
        }
    }

    [Fact]
    public void TheWeightsFollowTheSignal()
    {
        var baseline = LogisticBaselineTrainer.Train(Synthetic.Logistic(4_000, 6, seed: 22), seed: 1);
        Assert.True(baseline.Weights[0] > 1 && baseline.Weights[1] < -1, string.Join(", ", baseline.Weights));
        Assert.True(Math.Abs(baseline.Weights[5]) < 0.5, string.Join(", ", baseline.Weights));
    }

    [Fact]
    public void TheSigmoidIsStableAndChecksWidth()
    {
        var baseline = new LogisticBaseline([1000.0], 0);
        Assert.Equal(1.0, baseline.Probability([1f]));
        Assert.Equal(0.0, baseline.Probability([-1f]));
        Assert.Equal(0.5, new LogisticBaseline([2.0], 0).Probability([0f]));
        Assert.Throws<ArgumentException>(() => baseline.Probability([1f, 2f]));
    }

    [Fact]
    public void OneClassIsRefused()
    {
        var oneClass = new Data.FeatureMatrix(["x"], [1f, 2f], [false, false], ["a", "b"]);
        Assert.Throws<ArgumentException>(() => LogisticBaselineTrainer.Train(oneClass, seed: 1));
    }
}
