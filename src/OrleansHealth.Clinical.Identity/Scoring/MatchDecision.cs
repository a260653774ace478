namespace OrleansHealth.Clinical.Identity.Scoring;

/// <summary>What a <see cref="MatchPolicy"/> makes of a score.</summary>
[GenerateSerializer, Alias("oh.identity.MatchDecision")]
public enum MatchDecision
{
    NonMatch = 0,
    Review = 1,
    Match = 2,
}
