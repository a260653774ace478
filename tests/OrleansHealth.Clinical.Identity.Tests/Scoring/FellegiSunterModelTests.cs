using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Scoring;

namespace OrleansHealth.Clinical.Identity.Tests.Scoring;

public sealed class FellegiSunterModelTests
{
    private static readonly FellegiSunterModel Model = FellegiSunterModel.Default;

    [Fact]
    public void WeightOf_Level_Log2OfMOverU()
    {
        Assert.Equal(Math.Log2(0.88 / 0.0005), Model.WeightOf(MatchField.FamilyName, FieldAgreement.Exact), 12);
        Assert.Equal(Math.Log2(0.06 / 0.002), Model.WeightOf(MatchField.GivenName, FieldAgreement.Nickname), 12);
        Assert.Equal(Math.Log2(0.03 / 1.3e-5), Model.WeightOf(MatchField.BirthDate, FieldAgreement.Transposed), 12);
        Assert.Equal(0.0, Model.WeightOf(MatchField.Phone, FieldAgreement.Missing));
    }

    [Fact]
    public void WeightOf_LevelTheFieldDoesNotModel_WeighsAsDisagree() =>
        Assert.Equal(Model.WeightOf(MatchField.Sex, FieldAgreement.Disagree), Model.WeightOf(MatchField.Sex, FieldAgreement.Typo));

    [Fact]
    public void Weigh_AllMissing_ZeroWithoutConflict() => Assert.Equal(new PairScore(0, DisagreementEffect.None), Model.Weigh(default));

    [Theory]
    [InlineData(MatchField.FamilyName)]
    [InlineData(MatchField.GivenName)]
    [InlineData(MatchField.BirthDate)]
    [InlineData(MatchField.Sex)]
    [InlineData(MatchField.PersonIdentifier)]
    public void Weigh_FieldImprovesFromDisagreeToPartialToExact_TotalRises(MatchField field)
    {
        var baseline = Vector(FieldAgreement.Typo);
        var partial = field == MatchField.Sex ? FieldAgreement.Missing : FieldAgreement.Typo;

        var disagree = Model.Weigh(baseline.With(field, FieldAgreement.Disagree)).Total;
        var missing = Model.Weigh(baseline.With(field, FieldAgreement.Missing)).Total;
        var close = Model.Weigh(baseline.With(field, partial)).Total;
        var exact = Model.Weigh(baseline.With(field, FieldAgreement.Exact)).Total;

        Assert.True(disagree < missing, $"{field}: disagree {disagree} < missing {missing}");
        Assert.True(missing <= close, $"{field}: missing {missing} <= partial {close}");
        Assert.True(close < exact, $"{field}: partial {close} < exact {exact}");
    }

    [Fact]
    public void Weigh_ContactFieldsAllAgree_OnlyTheStrongestCounts()
    {
        var all = ComparisonVector.Of(FieldAgreement.Missing, FieldAgreement.Missing, FieldAgreement.Missing, FieldAgreement.Missing,
            FieldAgreement.Exact, FieldAgreement.Exact, FieldAgreement.Exact);

        Assert.Equal(Model.WeightOf(MatchField.AddressLine, FieldAgreement.Exact), Model.Weigh(all).Total, 12);
    }

    [Fact]
    public void Weigh_ContactFieldsAllDisagree_OnlyTheMostNegativeCounts()
    {
        var moved = ComparisonVector.Of(FieldAgreement.Missing, FieldAgreement.Missing, FieldAgreement.Missing, FieldAgreement.Missing,
            FieldAgreement.Disagree, FieldAgreement.Disagree, FieldAgreement.Disagree);

        Assert.Equal(Model.WeightOf(MatchField.PostalCode, FieldAgreement.Disagree), Model.Weigh(moved).Total, 12);
    }

    [Fact]
    public void Weigh_GivenNameDisagrees_CapAtReview()
    {
        var twins = Vector(FieldAgreement.Exact).With(MatchField.GivenName, FieldAgreement.Disagree).With(MatchField.PersonIdentifier, FieldAgreement.Missing);
        Assert.Equal(DisagreementEffect.CapAtReview, Model.Weigh(twins).Conflict);
    }

    [Fact]
    public void Weigh_IdentifierDisagreesToo_ForceNonMatchWins()
    {
        var twins = Vector(FieldAgreement.Exact).With(MatchField.GivenName, FieldAgreement.Disagree).With(MatchField.PersonIdentifier, FieldAgreement.Disagree);
        Assert.Equal(DisagreementEffect.ForceNonMatch, Model.Weigh(twins).Conflict);
    }

    [Fact]
    public void Explain_Breakdown_ContributionsSumToTotal()
    {
        var vector = ComparisonVector.Of(FieldAgreement.Typo, FieldAgreement.Nickname, FieldAgreement.Transposed, FieldAgreement.Exact,
            FieldAgreement.Exact, FieldAgreement.Missing, FieldAgreement.Disagree, FieldAgreement.Missing);

        var score = Model.Explain(vector);

        Assert.Equal(ComparisonVector.FieldCount, score.Fields.Count);
        Assert.Equal(Enum.GetValues<MatchField>(), score.Fields.Select(f => f.Field));
        Assert.Equal(score.Total, score.Fields.Sum(f => f.Contribution), 12);
        Assert.Equal(Model.Weigh(vector).Total, score.Total, 12);
        var address = score.Fields[(int)MatchField.AddressLine];
        Assert.Equal(new FieldScore(MatchField.AddressLine, FieldAgreement.Disagree, Model.WeightOf(MatchField.AddressLine, FieldAgreement.Disagree), 0), address);
        var phone = score.Fields[(int)MatchField.Phone];
        Assert.Equal(phone.Weight, phone.Contribution);
    }

    [Fact]
    public void Constructor_FieldModelledTwice_Throws()
    {
        var field = FellegiSunterModel.Default[MatchField.Sex]!;
        Assert.Throws<ArgumentException>(() => new FellegiSunterModel([field, field]));
    }

    [Fact]
    public void FieldModel_WithoutDisagreeLevel_Throws() =>
        Assert.Throws<ArgumentException>(() => new FieldModel(MatchField.Sex, new Dictionary<FieldAgreement, MuProbabilities>
        {
            [FieldAgreement.Exact] = new(0.9, 0.5),
        }));

    [Fact]
    public void MuProbabilities_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MuProbabilities(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MuProbabilities(0.5, 1.5));
    }

    private static ComparisonVector Vector(FieldAgreement level) =>
        ComparisonVector.Of(level, level, level, FieldAgreement.Exact, level, level, level, level);
}
