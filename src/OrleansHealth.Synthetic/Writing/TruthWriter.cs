using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;

namespace OrleansHealth.Synthetic.Writing;

/// <summary>
/// Writes the ground truth under <c>truth/</c>: which local id in which source is which person
/// (identity.csv), each person's treatment, risks and outcome (outcomes.csv), true demographics
/// (persons.csv) and the sources' profiles (sources.csv).
/// </summary>
internal sealed class TruthWriter : IDisposable
{
    public const string Folder = "truth";
    public const string IdentityHeader = "source_id,local_id,person_id";
    public const string OutcomesHeader =
        "person_id,index_date,treatment,outcome,onset_date,risk_none,risk_metformin,risk_lifestyle,"
        + "propensity_none,propensity_metformin,propensity_lifestyle,outcome_none,outcome_metformin,outcome_lifestyle,"
        + "age,sex,bmi,hba1c,glucose,systolic_bp,diastolic_bp,total_cholesterol,family_history,hypertension,prediabetes,obesity,hyperlipidemia";
    public const string PersonsHeader = "person_id,family_name,given_name,middle_name,birth_date,sex,address,city,state,postal_code,phone,ssn";
    public const string SourcesHeader = "source_id,name,trust_rank,preferred_format,mrn_system,carries_ssn,units,phone_style,abbreviates_street_suffixes,upper_case_names";

    private const string Probability = "0.######";

    private readonly CsvRowWriter identity;
    private readonly CsvRowWriter outcomes;
    private readonly CsvRowWriter persons;
    private readonly DateOnly indexDate;

    public TruthWriter(IDocumentTarget target, DateOnly indexDate, IReadOnlyList<SourceProfile> sources)
    {
        this.indexDate = indexDate;
        using (var sourceRows = new CsvRowWriter(target.Create($"{Folder}/sources.csv"), SourcesHeader))
        {
            foreach (var s in sources)
            {
                sourceRows.Field(s.Id).Field(s.Name).Field(s.TrustRank).Field(s.RegistrationFormat).Field(s.MrnSystem).Field(s.CarriesSsn)
                    .Field(Name(s.Units)).Field(Name(s.PhoneStyle)).Field(s.AbbreviatesStreetSuffixes).Field(s.UpperCaseNames).EndRow();
            }
        }

        identity = new CsvRowWriter(target.Create($"{Folder}/identity.csv"), IdentityHeader);
        outcomes = new CsvRowWriter(target.Create($"{Folder}/outcomes.csv"), OutcomesHeader);
        persons = new CsvRowWriter(target.Create($"{Folder}/persons.csv"), PersonsHeader);
    }

    public static string Name(Treatment treatment) => treatment switch
    {
        Treatment.None => "none",
        Treatment.Metformin => "metformin",
        Treatment.Lifestyle => "lifestyle",
        _ => throw new ArgumentOutOfRangeException(nameof(treatment), treatment, "Not a candidate treatment."),
    };

    public void Write(SyntheticPerson person, IReadOnlyList<SourcePatient> patients)
    {
        foreach (var patient in patients)
        {
            identity.Field(patient.Source.Id).Field(patient.LocalId).Field(person.PersonId).EndRow();
        }

        var t = person.Truth;
        var b = person.Baseline;
        outcomes.Field(person.PersonId).Field(indexDate).Field(Name(t.Treatment)).Field(t.Outcome).Field(t.OnsetAt is { } onset ? DateOnly.FromDateTime(onset.UtcDateTime) : null)
            .Field(t.Risk.None, Probability).Field(t.Risk.Metformin, Probability).Field(t.Risk.Lifestyle, Probability)
            .Field(t.Propensity.None, Probability).Field(t.Propensity.Metformin, Probability).Field(t.Propensity.Lifestyle, Probability)
            .Field(t.PotentialOutcome.None).Field(t.PotentialOutcome.Metformin).Field(t.PotentialOutcome.Lifestyle)
            .Field(b.AgeYears).Field(Name(b.Sex)).Field(b.BodyMassIndex).Field(b.HemoglobinA1cPercent).Field(b.GlucoseMgPerDl)
            .Field(b.SystolicBloodPressure).Field(b.DiastolicBloodPressure).Field(b.TotalCholesterolMgPerDl).Field(b.FamilyHistoryOfDiabetes)
            .Field(b.HasHypertension).Field(b.HasPrediabetes).Field(b.HasObesity).Field(b.HasHyperlipidemia).EndRow();

        var d = person.Identity.Demographics;
        persons.Field(person.PersonId).Field(d.FamilyName).Field(d.FirstGivenName).Field(d.GivenNames.Count > 1 ? d.GivenNames[1] : null)
            .Field(d.BirthDate).Field(Name(d.Sex)).Field(d.AddressLine).Field(d.City).Field(d.State).Field(d.PostalCode).Field(d.Phone)
            .Field(person.Identity.Ssn).EndRow();
    }

    public void Dispose()
    {
        identity.Dispose();
        outcomes.Dispose();
        persons.Dispose();
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
