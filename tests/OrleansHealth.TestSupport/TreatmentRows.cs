using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Data;
using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Population;

namespace OrleansHealth.TestSupport;

/// <summary>
/// The demo model's raw feature row of a synthetic person, read straight from the generator's truth:
/// the index visit's values (<see cref="SyntheticPerson.Baseline"/>, which is what the model reads as
/// the latest value in the year before the index date), the encounters in that year and the treatment
/// given. The order is <c>DemoModel</c>'s: age, sex, bmi, hba1c, glucose, systolic, familyHistory,
/// encounters, metformin, lifestyle. Shared by the treatment-truth test and the prediction benchmark.
/// </summary>
public static class TreatmentRows
{
    public const int Metformin = 8;
    public const int Lifestyle = 9;

    public static readonly string[] Names = ["age", "sex", "bmi", "hba1c", "glucose", "systolic", "familyHistory", "encounters", "metformin", "lifestyle"];

    public static float[] Row(SyntheticPerson person, DateOnly indexDate)
    {
        var b = person.Baseline;
        var from = indexDate.AddDays(-365);
        var encounters = person.Visits.Count(v => DateOnly.FromDateTime(v.Start.UtcDateTime) is var d && d > from && d <= indexDate);
        return
        [
            b.AgeYears,
            b.Sex switch { AdministrativeSex.Male => 1f, AdministrativeSex.Female => 0f, _ => float.NaN },
            (float)b.BodyMassIndex,
            (float)b.HemoglobinA1cPercent,
            (float)b.GlucoseMgPerDl,
            (float)b.SystolicBloodPressure,
            b.FamilyHistoryOfDiabetes ? 1f : 0f,
            encounters,
            person.Truth.Treatment == Treatment.Metformin ? 1f : 0f,
            person.Truth.Treatment == Treatment.Lifestyle ? 1f : 0f,
        ];
    }

    public static FeatureMatrix Matrix(IReadOnlyList<SyntheticPerson> persons, DateOnly indexDate)
    {
        var values = new float[persons.Count * Names.Length];
        for (var i = 0; i < persons.Count; i++)
        {
            Row(persons[i], indexDate).CopyTo(values.AsSpan(i * Names.Length));
        }

        return new FeatureMatrix(Names, values, [.. persons.Select(p => p.Truth.Outcome)], [.. persons.Select(p => p.PersonId)]);
    }

    /// <summary>The candidate with the lowest true risk (none, metformin, lifestyle; ties go to the earlier).</summary>
    public static Treatment TrulyBest(OutcomeTruth truth)
    {
        var best = Treatment.None;
        foreach (var t in PerTreatment<double>.Candidates)
        {
            if (truth.Risk[t] < truth.Risk[best])
            {
                best = t;
            }
        }

        return best;
    }

    public static Treatment Parse(string name) => Enum.Parse<Treatment>(name, ignoreCase: true);
}
