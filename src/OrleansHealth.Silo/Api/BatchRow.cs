namespace OrleansHealth.Silo.Api;

/// <summary>
/// One line of a batch: a patient to score through its grain, or a raw feature row (its values are in the
/// block's feature buffer, where the parser wrote them); or why the line is unusable.
/// </summary>
internal readonly record struct BatchRow(int Line, string? Id, string? PatientId, string? Error)
{
    public bool HasFeatures => PatientId is null && Error is null;
}
