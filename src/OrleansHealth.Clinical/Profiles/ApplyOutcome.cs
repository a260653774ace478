namespace OrleansHealth.Clinical.Profiles;

/// <summary>What applying a batch did: records that changed the profile, and records it already had.</summary>
[GenerateSerializer, Immutable, Alias("oh.ApplyOutcome")]
public readonly record struct ApplyOutcome(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates)
{
    public static ApplyOutcome operator +(ApplyOutcome a, ApplyOutcome b) => new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates);
}
