using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Scoring;

namespace OrleansHealth.Clinical.Identity.Tests.Scoring;

public sealed class FellegiSunterEstimatorTests
{
    private static readonly FellegiSunterModel Truth = new(
    [
        Field(MatchField.FamilyName, (FieldAgreement.Exact, 0.90, 0.02), (FieldAgreement.Typo, 0.07, 0.03), (FieldAgreement.Disagree, 0.03, 0.95)),
        Field(MatchField.GivenName, (FieldAgreement.Exact, 0.85, 0.05), (FieldAgreement.Nickname, 0.10, 0.01), (FieldAgreement.Disagree, 0.05, 0.94)),
        Field(MatchField.BirthDate, (FieldAgreement.Exact, 0.92, 0.01), (FieldAgreement.Transposed, 0.05, 0.001), (FieldAgreement.Disagree, 0.03, 0.989)),
        Field(MatchField.Sex, (FieldAgreement.Exact, 0.98, 0.5), (FieldAgreement.Disagree, 0.02, 0.5)),
        Field(MatchField.PostalCode, (FieldAgreement.Exact, 0.85, 0.1), (FieldAgreement.Disagree, 0.15, 0.9)),
    ]);

    private static readonly FellegiSunterModel Start = new(
    [
        Field(MatchField.FamilyName, (FieldAgreement.Exact, 0.7, 0.1), (FieldAgreement.Typo, 0.1, 0.1), (FieldAgreement.Disagree, 0.2, 0.8)),
        Field(MatchField.GivenName, (FieldAgreement.Exact, 0.7, 0.1), (FieldAgreement.Nickname, 0.1, 0.1), (FieldAgreement.Disagree, 0.2, 0.8)),
        Field(MatchField.BirthDate, (FieldAgreement.Exact, 0.7, 0.1), (FieldAgreement.Transposed, 0.1, 0.1), (FieldAgreement.Disagree, 0.2, 0.8)),
        Field(MatchField.Sex, (FieldAgreement.Exact, 0.7, 0.5), (FieldAgreement.Disagree, 0.3, 0.5)),
        Field(MatchField.PostalCode, (FieldAgreement.Exact, 0.7, 0.2), (FieldAgreement.Disagree, 0.3, 0.8)),
    ]);

    [Fact]
    public void Estimate_PairsDrawnFromKnownModel_RecoversItsParameters()
    {
        var pairs = Draw(Truth, count: 40_000, matchShare: 0.2, seed: 3);

        var estimate = FellegiSunterEstimator.Estimate(pairs, Start, startMatchShare: 0.5);

        Assert.True(estimate.Converged);
        Assert.InRange(estimate.MatchShare, 0.19, 0.21);
        foreach (var field in Truth.Fields)
        {
            foreach (var (level, truth) in field.Levels)
            {
                var estimated = estimate.Model[field.Field]!.Levels[level];
                Assert.InRange(estimated.M, truth.M - 0.02, truth.M + 0.02);
                Assert.InRange(estimated.U, truth.U - 0.02, truth.U + 0.02);
            }
        }
    }

    [Fact]
    public void Estimate_KeepsEffectsAndGroups()
    {
        var pairs = Draw(FellegiSunterModel.Default, count: 2_000, matchShare: 0.3, seed: 5);

        var estimate = FellegiSunterEstimator.Estimate(pairs, FellegiSunterModel.Default, estimateU: false);

        Assert.Equal(DisagreementEffect.CapAtReview, estimate.Model[MatchField.GivenName]!.OnDisagree);
        Assert.Equal(FellegiSunterDefaults.ContactGroup, estimate.Model[MatchField.Phone]!.Group);
        Assert.Equal(FellegiSunterModel.Default[MatchField.FamilyName]!.Levels[FieldAgreement.Exact].U, estimate.Model[MatchField.FamilyName]!.Levels[FieldAgreement.Exact].U);
    }

    [Fact]
    public void UFromRandomPairs_Frequencies_BecomeU()
    {
        var pairs = Enumerable.Repeat(ComparisonVector.Of(FieldAgreement.Disagree, FieldAgreement.Disagree, FieldAgreement.Disagree, FieldAgreement.Exact), 999)
            .Append(ComparisonVector.Of(FieldAgreement.Exact, FieldAgreement.Disagree, FieldAgreement.Disagree, FieldAgreement.Disagree));

        var model = FellegiSunterEstimator.UFromRandomPairs(pairs, Start);

        // Counts plus a pseudo-count of 0.5 per level: Exact (1 + 0.5) of 1000 + 3 × 0.5.
        Assert.Equal(1.5 / 1001.5, model[MatchField.FamilyName]!.Levels[FieldAgreement.Exact].U, 12);
        Assert.Equal(Start[MatchField.FamilyName]!.Levels[FieldAgreement.Exact].M, model[MatchField.FamilyName]!.Levels[FieldAgreement.Exact].M);
    }

    [Fact]
    public void Estimate_NoPairs_Throws() => Assert.Throws<ArgumentException>(() => FellegiSunterEstimator.Estimate([], Start));

    private static List<ComparisonVector> Draw(FellegiSunterModel model, int count, double matchShare, int seed)
    {
        var random = new Random(seed);
        var pairs = new List<ComparisonVector>(count);
        for (var i = 0; i < count; i++)
        {
            var match = random.NextDouble() < matchShare;
            var vector = default(ComparisonVector);
            foreach (var field in model.Fields)
            {
                var draw = random.NextDouble();
                var level = FieldAgreement.Disagree;
                foreach (var (candidate, mu) in field.Levels)
                {
                    draw -= match ? mu.M : mu.U;
                    if (draw < 0)
                    {
                        level = candidate;
                        break;
                    }
                }

                vector = vector.With(field.Field, level);
            }

            pairs.Add(vector);
        }

        return pairs;
    }

    private static FieldModel Field(MatchField field, params (FieldAgreement Level, double M, double U)[] levels) =>
        new(field, levels.ToDictionary(l => l.Level, l => new MuProbabilities(l.M, l.U)));
}
