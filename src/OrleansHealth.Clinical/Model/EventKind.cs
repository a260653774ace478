namespace OrleansHealth.Clinical.Model;

/// <summary>The kinds of coded, time-bounded facts a profile lists.</summary>
[GenerateSerializer, Alias("oh.EventKind")]
public enum EventKind
{
    Condition = 0,
    Medication = 1,
    Encounter = 2,
    Allergy = 3,
    Immunization = 4,
    Procedure = 5,
}
