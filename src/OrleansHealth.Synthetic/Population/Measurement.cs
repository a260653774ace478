using OrleansHealth.Synthetic.Clinical;

namespace OrleansHealth.Synthetic.Population;

/// <summary>One measured value in the measure's canonical unit, rounded as reported.</summary>
public readonly record struct Measurement(Measure Measure, double Value);
