namespace OrleansHealth.Silo.Audit;

/// <summary>
/// An event could not be made durable, so the answer it describes must not be given. The API answers 503 with
/// Retry-After (<see cref="Api.UnavailableDependencyHandler"/>): reads are simply asked again, and every change
/// is idempotent, so repeating one that was applied but not acknowledged changes nothing twice.
/// </summary>
public sealed class AuditTrailUnavailableException(Exception inner)
    : Exception("The audit trail could not record the request.", inner);
