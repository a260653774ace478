namespace OrleansHealth.Learning.Scoring;

/// <summary>A feature as the model read it for one patient; null when the patient has no value (it was imputed).</summary>
[GenerateSerializer, Immutable, Alias("oh.learning.InputValue")]
public sealed record InputValue(
    [property: Id(0)] string Feature,
    [property: Id(1)] double? Value);
