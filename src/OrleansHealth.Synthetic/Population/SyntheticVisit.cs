namespace OrleansHealth.Synthetic.Population;

/// <summary>One visit of a person's true history; <see cref="Number"/> is its chronological position, 0-based.</summary>
public sealed record SyntheticVisit(
    int Number,
    VisitKind Kind,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<Measurement> Measurements);
