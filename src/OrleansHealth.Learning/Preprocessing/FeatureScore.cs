namespace OrleansHealth.Learning.Preprocessing;

/// <summary>
/// How much one raw feature tells about the outcome on its own. Kept with a model version so the
/// version can show which features it was offered and why it kept the ones it did.
/// </summary>
/// <param name="Column">Index of the feature in the raw row.</param>
/// <param name="Name">The feature's name.</param>
/// <param name="MutualInformation">Mutual information with the binary label, in bits (0 to at most 1).</param>
/// <param name="Rank">1 for the most informative feature.</param>
[GenerateSerializer, Immutable, Alias("oh.learning.FeatureScore")]
public sealed record FeatureScore(
    [property: Id(0)] int Column,
    [property: Id(1)] string Name,
    [property: Id(2)] double MutualInformation,
    [property: Id(3)] int Rank);
