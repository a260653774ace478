using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Reading;

/// <summary>
/// A record that parsed into a fact about <see cref="Subject"/>. <see cref="Raw"/> is the record's
/// original text (the NDJSON line, the CSV row, the bundle entry's resource), kept so that a
/// later stage (validation, linking) can quarantine it verbatim. A Patient record's subject is its
/// own local id.
/// </summary>
public sealed record FactRead(int Line, SubjectRef Subject, IClinicalFact Fact, string Raw) : ReadItem(Line);
