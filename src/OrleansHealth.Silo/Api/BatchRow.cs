namespace OrleansHealth.Silo.Api;

/// <summary>One line of a batch: a patient to score through its grain, or a raw feature row; or why the line is unusable.</summary>
internal sealed record BatchRow(int Line, string? Id, string? PatientId, float[]? Features, string? Error);
