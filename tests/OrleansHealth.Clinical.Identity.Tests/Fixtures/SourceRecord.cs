using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Fixtures;

/// <summary>One source's record of a person, with the person it truly is.</summary>
internal sealed record SourceRecord(string PersonId, string SourceId, string LocalId, Demographics Demographics);
