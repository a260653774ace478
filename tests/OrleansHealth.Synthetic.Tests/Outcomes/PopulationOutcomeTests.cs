using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Tests.Support;

namespace OrleansHealth.Synthetic.Tests.Outcomes;

/// <summary>The drawn outcomes of a large population behave as the known risk function says.</summary>
public sealed class PopulationOutcomeTests
{
    private static readonly Lazy<IReadOnlyList<SyntheticPerson>> Persons = new(() => Scenarios.Population(20_000, seed: 21).GenerateAll());

    [Fact]
    public void Truth_RisksArePerPersonFunctionValuesOfTheBaseline()
    {
        Assert.All(Persons.Value.Take(500), p =>
        {
            Assert.Equal(DiabetesRiskModel.Risks(p.Baseline), p.Truth.Risk);
            Assert.Equal(TreatmentPolicy.Propensities(p.Baseline), p.Truth.Propensity);
            Assert.Equal(p.Truth.PotentialOutcome[p.Truth.Treatment], p.Truth.Outcome);
        });
    }

    [Fact]
    public void Truth_EveryTreatmentLowersEveryPersonsRiskAndPotentialOutcomesAreConsistent()
    {
        Assert.All(Persons.Value, p =>
        {
            Assert.True(p.Truth.Risk.Metformin < p.Truth.Risk.None);
            Assert.True(p.Truth.Risk.Lifestyle < p.Truth.Risk.None);
            // One draw decides every potential outcome: whoever escapes untreated also escapes treated.
            Assert.True(p.Truth.PotentialOutcome.None || !p.Truth.PotentialOutcome.Metformin);
            Assert.True(p.Truth.PotentialOutcome.None || !p.Truth.PotentialOutcome.Lifestyle);
        });
    }

    [Fact]
    public void OutcomeRate_MatchesTheMeanRiskOfTheTreatmentGiven()
    {
        var observed = Persons.Value.Average(p => p.Truth.Outcome ? 1.0 : 0.0);
        var expected = Persons.Value.Average(p => p.Truth.Risk[p.Truth.Treatment]);

        Assert.InRange(observed, expected - 0.012, expected + 0.012);
        Assert.InRange(observed, 0.10, 0.20);
    }

    [Fact]
    public void OutcomeRate_UntreatedWithHighHbA1c_FarAboveUntreatedWithLowHbA1c()
    {
        var untreated = Persons.Value.Where(p => p.Truth.Treatment == Treatment.None).OrderBy(p => p.Baseline.HemoglobinA1cPercent).ToArray();
        var quarter = untreated.Length / 4;
        var low = untreated.Take(quarter).Average(p => p.Truth.Outcome ? 1.0 : 0.0);
        var high = untreated.Skip(untreated.Length - quarter).Average(p => p.Truth.Outcome ? 1.0 : 0.0);

        Assert.True(high > low + 0.15, $"low-HbA1c quartile {low:P1}, high-HbA1c quartile {high:P1}");
    }

    [Fact]
    public void OutcomeRate_FamilyHistory_RaisesIt()
    {
        var untreated = Persons.Value.Where(p => p.Truth.Treatment == Treatment.None).ToArray();
        var with = untreated.Where(p => p.Baseline.FamilyHistoryOfDiabetes).Average(p => p.Truth.Outcome ? 1.0 : 0.0);
        var without = untreated.Where(p => !p.Baseline.FamilyHistoryOfDiabetes).Average(p => p.Truth.Outcome ? 1.0 : 0.0);

        Assert.True(with > without + 0.04, $"with {with:P1}, without {without:P1}");
    }

    [Fact]
    public void Treatment_IsConfounded_NaiveComparisonSaysHarmWhileWeightingRecoversTheBenefit()
    {
        var persons = Persons.Value;
        var treated = persons.Where(p => p.Truth.Treatment == Treatment.Metformin).Average(p => p.Truth.Outcome ? 1.0 : 0.0);
        var untreated = persons.Where(p => p.Truth.Treatment == Treatment.None).Average(p => p.Truth.Outcome ? 1.0 : 0.0);

        // Inverse-propensity weighting with the true propensities estimates E[Y(t)] over everyone.
        var weightedMetformin = persons.Sum(p => p.Truth.Treatment == Treatment.Metformin && p.Truth.Outcome ? 1 / p.Truth.Propensity.Metformin : 0) / persons.Count;
        var weightedNone = persons.Sum(p => p.Truth.Treatment == Treatment.None && p.Truth.Outcome ? 1 / p.Truth.Propensity.None : 0) / persons.Count;
        var trueEffect = persons.Average(p => p.Truth.Risk.Metformin - p.Truth.Risk.None);

        Assert.True(treated > untreated, $"naive: treated {treated:P1}, untreated {untreated:P1}");
        Assert.True(weightedMetformin < weightedNone, $"weighted: metformin {weightedMetformin:P1}, none {weightedNone:P1}");
        Assert.InRange(weightedMetformin - weightedNone, trueEffect - 0.03, trueEffect + 0.03);
    }

    [Fact]
    public void TreatmentEffect_MetforminHelpsMoreAtHighHbA1c_LifestyleMoreAtHighBmi()
    {
        var persons = Persons.Value;
        var byHbA1c = persons.OrderBy(p => p.Baseline.HemoglobinA1cPercent).ToArray();
        var byBmi = persons.OrderBy(p => p.Baseline.BodyMassIndex).ToArray();
        var quarter = persons.Count / 4;

        static double LogOddsChange(SyntheticPerson p, Treatment t) => Logit(p.Truth.Risk[t]) - Logit(p.Truth.Risk.None);

        Assert.True(byHbA1c.Skip(persons.Count - quarter).Average(p => LogOddsChange(p, Treatment.Metformin))
            < byHbA1c.Take(quarter).Average(p => LogOddsChange(p, Treatment.Metformin)) - 0.3);
        Assert.True(byBmi.Skip(persons.Count - quarter).Average(p => LogOddsChange(p, Treatment.Lifestyle))
            < byBmi.Take(quarter).Average(p => LogOddsChange(p, Treatment.Lifestyle)) - 0.3);
    }

    [Fact]
    public void TreatmentShares_AllThreeCandidatesAreCommon()
    {
        var shares = PerTreatment<int>.Candidates.Select(t => Persons.Value.Count(p => p.Truth.Treatment == t) / (double)Persons.Value.Count).ToArray();

        Assert.All(shares, share => Assert.InRange(share, 0.08, 0.8));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
