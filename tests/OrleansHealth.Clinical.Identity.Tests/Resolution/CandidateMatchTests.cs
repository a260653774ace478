using OrleansHealth.Clinical.Identity.Resolution;
using OrleansHealth.Clinical.Identity.Scoring;

namespace OrleansHealth.Clinical.Identity.Tests.Resolution;

public sealed class CandidateMatchTests
{
    [Fact]
    public void IsBetterThan_HigherDecisionBeatsHigherTotal()
    {
        var match = new CandidateMatch("E2", new PairScore(25, DisagreementEffect.None), MatchDecision.Match);
        var cappedTwin = new CandidateMatch("E1", new PairScore(40, DisagreementEffect.CapAtReview), MatchDecision.Review);

        Assert.True(match.IsBetterThan(cappedTwin));
        Assert.False(cappedTwin.IsBetterThan(match));
    }

    [Fact]
    public void IsBetterThan_SameDecision_HigherTotalThenLowerId()
    {
        var low = new CandidateMatch("E1", new PairScore(21, DisagreementEffect.None), MatchDecision.Match);
        var high = new CandidateMatch("E2", new PairScore(30, DisagreementEffect.None), MatchDecision.Match);
        var tie = new CandidateMatch("E3", new PairScore(30, DisagreementEffect.None), MatchDecision.Match);

        Assert.True(high.IsBetterThan(low));
        Assert.True(high.IsBetterThan(tie));
        Assert.False(tie.IsBetterThan(high));
        Assert.True(low.IsBetterThan(null));
    }
}
