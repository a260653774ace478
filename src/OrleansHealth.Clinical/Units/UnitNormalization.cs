using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Units;

/// <summary>The result of <see cref="UnitNormalizer.Normalize"/>: the normalised fact, or why it was refused.</summary>
public readonly record struct UnitNormalization(ObservationFact? Fact, string? Refusal)
{
    public static UnitNormalization Accepted(ObservationFact fact) => new(fact, null);

    public static UnitNormalization Refused(string reason) => new(null, reason);
}
