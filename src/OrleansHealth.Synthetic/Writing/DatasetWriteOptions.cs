namespace OrleansHealth.Synthetic.Writing;

/// <summary>How <see cref="DatasetWriter"/> lays the dataset out.</summary>
public sealed record DatasetWriteOptions
{
    public const int MaxPatientsPerBundle = 10_000;

    /// <summary>Default <see cref="OutputFormat.Mixed"/>.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Mixed;

    /// <summary>Patients per FHIR Bundle file; 1 (the default) is one bundle per patient, as Synthea writes them.</summary>
    public int PatientsPerBundle { get; init; } = 1;

    public void Validate()
    {
        if (PatientsPerBundle is < 1 or > MaxPatientsPerBundle)
        {
            throw new ArgumentException($"PatientsPerBundle must be 1–{MaxPatientsPerBundle:N0}; it is {PatientsPerBundle}.", nameof(PatientsPerBundle));
        }

        if (!Enum.IsDefined(Format))
        {
            throw new ArgumentException($"Format {(int)Format} is not an output format.", nameof(Format));
        }
    }
}
