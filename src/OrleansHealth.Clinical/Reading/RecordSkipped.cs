namespace OrleansHealth.Clinical.Reading;

/// <summary>A well-formed record of a type the profile does not hold (Organization, Claim, …): counted, not rejected.</summary>
public sealed record RecordSkipped(int Line, string ResourceType) : ReadItem(Line);
