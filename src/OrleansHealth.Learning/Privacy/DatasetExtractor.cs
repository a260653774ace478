using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning.Privacy;

/// <summary>
/// A model's cohort as de-identified rows: the same patients, features and outcome as training sees
/// (<see cref="FeatureExtractor"/>), with Safe Harbor applied to everything that could point at a person:
/// age over 89 grouped (also as a feature value), birth year withheld for them, dates as years, ZIP as its
/// first three digits or "000".
/// </summary>
public sealed class DatasetExtractor
{
    private readonly ModelDefinition definition;
    private readonly FeatureExtractor features;
    private readonly int[] ageColumns;

    public DatasetExtractor(ModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        this.definition = definition;
        features = new FeatureExtractor(definition);
        ageColumns = [.. definition.Features.Select((f, i) => (f, i)).Where(x => x.f.Kind == FeatureKind.Age).Select(x => x.i)];
    }

    public IReadOnlyList<string> FeatureNames => features.Names;

    public bool HasHoldout => definition.HoldoutColumn is not null;

    /// <summary>The row, or null when the patient is not in the model's cohort.</summary>
    /// <param name="today">The export's date: the reference for a patient with no dated fact, so a birth year never tells an age over 89.</param>
    public DeidentifiedRow? Extract(ClinicalTimeline timeline, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (features.Extract(timeline) is not { } row)
        {
            return null;
        }

        var reference = definition.IndexDate ?? timeline.LatestDate();
        var ageAt = reference ?? today;
        var values = (float[])row.Values.Clone();
        foreach (var column in ageColumns)
        {
            values[column] = SafeHarbor.CapAge(values[column]);
        }

        return new DeidentifiedRow(
            timeline.PseudonymousId,
            timeline.Sex,
            SafeHarbor.AgeGroup(SafeHarbor.Age(timeline.BirthDate, ageAt)),
            SafeHarbor.BirthYear(timeline.BirthDate, ageAt),
            SafeHarbor.Zip3(timeline.Zip3),
            reference?.Year,
            values,
            row.Label,
            row.HoldoutValue);
    }
}
