namespace OrleansHealth.Synthetic.Writing;

/// <summary>Which formats the dataset writer writes for each source.</summary>
public enum OutputFormat
{
    /// <summary>Each source in its own preferred format (<see cref="Sources.SourceProfile.PreferredFormat"/>): the realistic mix.</summary>
    Mixed = 0,

    /// <summary>Every source as FHIR batch Bundles.</summary>
    Fhir = 1,

    /// <summary>Every source as FHIR Bulk NDJSON.</summary>
    Ndjson = 2,

    /// <summary>Every source as Synthea CSV.</summary>
    Csv = 3,

    /// <summary>Every source in all three formats (the same records three times, in separate folders).</summary>
    All = 4,
}
