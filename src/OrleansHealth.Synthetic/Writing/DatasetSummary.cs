namespace OrleansHealth.Synthetic.Writing;

/// <summary>What <see cref="DatasetWriter"/> wrote: per source, and the population's treatment and outcome totals.</summary>
public sealed record DatasetSummary(
    string OutputDirectory,
    long Seed,
    int Persons,
    int Untreated,
    int Metformin,
    int Lifestyle,
    int Outcomes,
    IReadOnlyList<SourceSummary> Sources,
    TimeSpan Elapsed)
{
    public double OutcomeRate => Persons == 0 ? 0 : (double)Outcomes / Persons;
}
