namespace OrleansHealth.Clinical.Reading;

/// <summary>
/// What a reader yields for each record of a feed, in input order. <see cref="Line"/> is the
/// 1-based line of an NDJSON or CSV body (the header is line 1 of a CSV) or the 1-based entry index
/// of a FHIR Bundle (1 for a single resource); it is what the ingest answer reports in <c>errors</c>.
/// </summary>
public abstract record ReadItem(int Line);
