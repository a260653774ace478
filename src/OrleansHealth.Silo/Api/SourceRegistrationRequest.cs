namespace OrleansHealth.Silo.Api;

/// <summary>The body of <c>PUT /api/sources/{sourceId}</c>.</summary>
/// <param name="Name">Display name, 1–200 characters.</param>
/// <param name="Format"><c>fhir-json</c>, <c>fhir-ndjson</c> or <c>csv</c>.</param>
/// <param name="TrustRank">0–100; the higher rank wins a conflict between sources. Default 50.</param>
public sealed record SourceRegistrationRequest(string? Name, string? Format, int? TrustRank);
