using OrleansHealth.Clinical.Identity.Scoring;

namespace OrleansHealth.Clinical.Identity.Tests.Scoring;

public sealed class MatchPolicyTests
{
    private static readonly MatchPolicy Policy = new(upper: 20, lower: 10);

    [Theory]
    [InlineData(35.0, MatchDecision.Match)]
    [InlineData(20.0, MatchDecision.Match)]
    [InlineData(19.99, MatchDecision.Review)]
    [InlineData(10.0, MatchDecision.Review)]
    [InlineData(9.99, MatchDecision.NonMatch)]
    [InlineData(-12.0, MatchDecision.NonMatch)]
    public void Decide_NoConflict_Bands(double total, MatchDecision expected) => Assert.Equal(expected, Policy.Decide(total, DisagreementEffect.None));

    [Theory]
    [InlineData(35.0, MatchDecision.Review)]
    [InlineData(15.0, MatchDecision.Review)]
    [InlineData(5.0, MatchDecision.NonMatch)]
    public void Decide_CapAtReview_NeverMatch(double total, MatchDecision expected) => Assert.Equal(expected, Policy.Decide(total, DisagreementEffect.CapAtReview));

    [Fact]
    public void Decide_ForceNonMatch_NonMatchWhateverTheScore() => Assert.Equal(MatchDecision.NonMatch, Policy.Decide(60, DisagreementEffect.ForceNonMatch));

    [Fact]
    public void Decide_EqualThresholds_NoReviewBand()
    {
        var policy = new MatchPolicy(15, 15);
        Assert.Equal(MatchDecision.Match, policy.Decide(15, DisagreementEffect.None));
        Assert.Equal(MatchDecision.NonMatch, policy.Decide(14.9, DisagreementEffect.None));
    }

    [Fact]
    public void Constructor_LowerAboveUpper_Throws() => Assert.Throws<ArgumentException>(() => new MatchPolicy(upper: 10, lower: 20));
}
