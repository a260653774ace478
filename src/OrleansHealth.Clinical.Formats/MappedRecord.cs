using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Formats;

/// <summary>What one source record became: facts about a subject, or the reason it cannot become any.</summary>
internal sealed record MappedRecord(SubjectRef Subject, IReadOnlyList<IClinicalFact> Facts, string? Rejection)
{
    private static readonly SubjectRef NoSubject = new(null);

    public static MappedRecord Of(SubjectRef subject, IClinicalFact fact) => new(subject, [fact], null);

    public static MappedRecord Of(SubjectRef subject, IReadOnlyList<IClinicalFact> facts) => new(subject, facts, null);

    public static MappedRecord Rejected(string reason) => new(NoSubject, [], reason);

    /// <summary>Every fact is keyed by a code; a concept with only text cannot be one.</summary>
    public static MappedRecord Uncoded(string element) =>
        Rejected($"{element} has no coding with a code; send the concept as a coding (system and code)");
}
