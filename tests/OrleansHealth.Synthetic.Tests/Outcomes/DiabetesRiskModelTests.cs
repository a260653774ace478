using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Outcomes;

namespace OrleansHealth.Synthetic.Tests.Outcomes;

public sealed class DiabetesRiskModelTests
{
    /// <summary>A person at every reference point of the formula: the linear predictor is the intercept.</summary>
    internal static RiskFactors Reference { get; } = new(
        AgeYears: 50, AdministrativeSex.Female, HeightCm: 165, WeightKg: 76.2, BodyMassIndex: 28, SystolicBloodPressure: 125,
        DiastolicBloodPressure: 80, HeartRate: 70, BodyTemperature: 36.8, GlucoseMgPerDl: 100, HemoglobinA1cPercent: 5.6,
        TotalCholesterolMgPerDl: 190, FamilyHistoryOfDiabetes: false);

    [Fact]
    public void BaselineLogOdds_ReferencePerson_IsTheIntercept()
    {
        Assert.Equal(DiabetesRiskModel.Intercept, DiabetesRiskModel.BaselineLogOdds(Reference), 12);
        Assert.Equal(1 / (1 + Math.Exp(2.2)), DiabetesRiskModel.Risk(Reference, Treatment.None), 12);
    }

    [Fact]
    public void BaselineLogOdds_EachFactor_AddsItsDocumentedCoefficient()
    {
        var intercept = DiabetesRiskModel.Intercept;

        Assert.Equal(intercept + (10 * 0.03), DiabetesRiskModel.BaselineLogOdds(Reference with { AgeYears = 60 }), 12);
        Assert.Equal(intercept + (5 * 0.08), DiabetesRiskModel.BaselineLogOdds(Reference with { BodyMassIndex = 33 }), 12);
        Assert.Equal(intercept + (0.5 * 1.6), DiabetesRiskModel.BaselineLogOdds(Reference with { HemoglobinA1cPercent = 6.1 }), 12);
        Assert.Equal(intercept + (20 * 0.025), DiabetesRiskModel.BaselineLogOdds(Reference with { GlucoseMgPerDl = 120 }), 12);
        Assert.Equal(intercept + (15 * 0.015), DiabetesRiskModel.BaselineLogOdds(Reference with { SystolicBloodPressure = 140 }), 12);
        Assert.Equal(intercept + 0.7, DiabetesRiskModel.BaselineLogOdds(Reference with { FamilyHistoryOfDiabetes = true }), 12);
    }

    [Fact]
    public void TreatmentEffect_FollowsTheDocumentedFormulas()
    {
        var high = Reference with { HemoglobinA1cPercent = 6.2, BodyMassIndex = 26 };
        var heavy = Reference with { HemoglobinA1cPercent = 5.4, BodyMassIndex = 36 };

        Assert.Equal(0, DiabetesRiskModel.TreatmentEffect(high, Treatment.None));
        Assert.Equal(-0.83, DiabetesRiskModel.TreatmentEffect(high, Treatment.Metformin), 12);
        Assert.Equal(-0.18, DiabetesRiskModel.TreatmentEffect(high, Treatment.Lifestyle), 12);
        Assert.Equal(-0.2, DiabetesRiskModel.TreatmentEffect(heavy, Treatment.Metformin), 12);
        Assert.Equal(-0.98, DiabetesRiskModel.TreatmentEffect(heavy, Treatment.Lifestyle), 12);
    }

    [Fact]
    public void Risks_AnyPerson_TreatmentLowersRiskAndTheBestTreatmentDependsOnThePerson()
    {
        var high = DiabetesRiskModel.Risks(Reference with { HemoglobinA1cPercent = 6.2, BodyMassIndex = 26 });
        var heavy = DiabetesRiskModel.Risks(Reference with { HemoglobinA1cPercent = 5.4, BodyMassIndex = 36 });

        Assert.True(high.Metformin < high.Lifestyle && high.Lifestyle < high.None);
        Assert.True(heavy.Lifestyle < heavy.Metformin && heavy.Metformin < heavy.None);
    }

    [Fact]
    public void Propensities_SumToOneAndFavourTreatmentForTheSicker()
    {
        var healthy = TreatmentPolicy.Propensities(Reference with { HemoglobinA1cPercent = 5.2, GlucoseMgPerDl = 90, BodyMassIndex = 23 });
        var sick = TreatmentPolicy.Propensities(Reference with { HemoglobinA1cPercent = 6.3, GlucoseMgPerDl = 118, BodyMassIndex = 36 });

        Assert.Equal(1, healthy.None + healthy.Metformin + healthy.Lifestyle, 12);
        Assert.Equal(1, sick.None + sick.Metformin + sick.Lifestyle, 12);
        Assert.True(sick.Metformin > healthy.Metformin);
        Assert.True(sick.Lifestyle > healthy.Lifestyle);
        Assert.True(sick.None < healthy.None);
    }

    [Fact]
    public void PerTreatment_Indexer_ReturnsTheValueOfEachCandidate()
    {
        var values = new PerTreatment<int>(1, 2, 3);

        Assert.Equal([1, 2, 3], PerTreatment<int>.Candidates.Select(t => values[t]));
        Assert.Throws<ArgumentOutOfRangeException>(() => values[(Treatment)9]);
    }
}
