using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>A value in the unit the source reports it in (a UCUM code).</summary>
public sealed record SourceQuantity(ClinicalCode Code, double Value, string Unit);
