using OrleansHealth.Identity;

namespace OrleansHealth.Grains.Ingestion;

/// <summary>The patient a record was resolved to, and the review item raised when the match was uncertain.</summary>
public sealed record PatientResolution(string PatientId, ReviewItem? Review);
