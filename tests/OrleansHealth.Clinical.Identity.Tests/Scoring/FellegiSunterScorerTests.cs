using OrleansHealth.Clinical.Identity.Comparison;
using OrleansHealth.Clinical.Identity.Profiles;
using OrleansHealth.Clinical.Identity.Scoring;
using OrleansHealth.Clinical.Identity.Tests.Fixtures;

namespace OrleansHealth.Clinical.Identity.Tests.Scoring;

public sealed class FellegiSunterScorerTests
{
    private static readonly FellegiSunterScorer Scorer = new();
    private static readonly PersonProfile Robert = PersonProfile.From(People.Robert);

    [Fact]
    public void Score_SameRecord_EveryFieldExact()
    {
        var score = Scorer.Score(Robert, Robert);

        Assert.All(score.Fields, f => Assert.Equal(FieldAgreement.Exact, f.Agreement));
        Assert.Equal(DisagreementEffect.None, score.Conflict);
    }

    [Fact]
    public void Score_MoreNoise_LowerScore()
    {
        var nickname = PersonProfile.From(People.Robert.WithoutIdentifiers().WithGiven("Bob"));
        var nicknameAndTypo = PersonProfile.From(People.Robert.WithoutIdentifiers().WithGiven("Bob") with { FamilyName = "Moscsiki" });
        var nicknameTypoAndSwap = PersonProfile.From(People.Robert.WithoutIdentifiers().WithGiven("Bob") with
        {
            FamilyName = "Moscsiki",
            BirthDate = new DateOnly(1984, 7, 3),
        });

        var totals = new[] { Robert, nickname, nicknameAndTypo, nicknameTypoAndSwap }.Select(p => Scorer.Score(Robert, p).Total).ToArray();

        Assert.Equal(totals.OrderDescending(), totals);
        Assert.Equal(totals.Length, totals.Distinct().Count());
    }

    [Fact]
    public void Score_NoisyPair_BreakdownNamesEachLevel()
    {
        var noisy = PersonProfile.From(People.Robert.WithoutIdentifiers().WithGiven("Bob") with { BirthDate = new DateOnly(1984, 7, 3) });

        var score = Scorer.Score(Robert, noisy);

        Assert.Equal(FieldAgreement.Nickname, score.Fields[(int)MatchField.GivenName].Agreement);
        Assert.Equal(FieldAgreement.Transposed, score.Fields[(int)MatchField.BirthDate].Agreement);
        Assert.Equal(FieldAgreement.Missing, score.Fields[(int)MatchField.PersonIdentifier].Agreement);
        Assert.Equal(0.0, score.Fields[(int)MatchField.PersonIdentifier].Contribution);
    }

    [Fact]
    public void ScoreQuickly_SameAsScore()
    {
        var noisy = PersonProfile.From(People.Robert.WithGiven("Bob"));
        var full = Scorer.Score(Robert, noisy);
        Assert.Equal(new PairScore(full.Total, full.Conflict), Scorer.ScoreQuickly(Robert, noisy));
    }

    [Fact]
    public void Score_IsSymmetric()
    {
        var noisy = PersonProfile.From(People.Robert.WithGiven("Bobby") with { FamilyName = "Mosciksi", PostalCode = "02139" });
        Assert.Equal(Scorer.Score(Robert, noisy).Total, Scorer.Score(noisy, Robert).Total, 12);
    }
}
