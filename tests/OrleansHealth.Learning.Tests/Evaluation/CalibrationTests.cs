using OrleansHealth.Learning.Evaluation;

namespace OrleansHealth.Learning.Tests.Evaluation;

public sealed class CalibrationTests
{
    [Fact]
    public void Every_edge_opens_its_own_bin_and_one_goes_in_the_last()
    {
        for (var k = 0; k < 10; k++)
        {
            Assert.Equal(k, Calibration.BinOf(k / 10.0));
        }

        Assert.Equal(9, Calibration.BinOf(1.0));
        Assert.Equal(9, Calibration.BinOf(0.95));
    }

    [Fact]
    public void A_value_just_below_an_edge_stays_below_it()
    {
        // Math.BitDecrement(0.9) * 10 rounds to exactly 9.0; a plain floor would put it in bin 9.
        Assert.Equal(8, Calibration.BinOf(Math.BitDecrement(0.9)));
        Assert.Equal(0, Calibration.BinOf(Math.BitDecrement(0.1)));
        Assert.Equal(9, Calibration.BinOf(Math.BitDecrement(1.0)));
        Assert.Equal(0, Calibration.BinOf(double.Epsilon));
    }

    [Fact]
    public void Bins_report_count_mean_prediction_and_observed_rate()
    {
        double[] p = [0.05, 0.15, 0.15, 0.25, 1.0, 0.9];
        bool[] y = [false, true, false, true, true, false];

        var bins = BinaryEvaluation.Evaluate(p, y).Calibration;

        Assert.Equal(10, bins.Count);
        Assert.Equal(new CalibrationBin(0.0, 0.1, 1, 0.05, 0.0), bins[0]);
        Assert.Equal(new CalibrationBin(0.1, 0.2, 2, 0.15, 0.5), bins[1]);
        Assert.Equal(new CalibrationBin(0.2, 0.3, 1, 0.25, 1.0), bins[2]);
        Assert.Equal(new CalibrationBin(0.9, 1.0, 2, 0.95, 0.5), bins[9]);
    }

    [Fact]
    public void Empty_bins_report_zero_rather_than_nan()
    {
        var bins = BinaryEvaluation.Evaluate([0.05, 1.0], [false, true]).Calibration;

        for (var b = 1; b < 9; b++)
        {
            Assert.Equal(new CalibrationBin(b / 10.0, (b + 1) / 10.0, 0, 0.0, 0.0), bins[b]);
        }
    }
}
