namespace OrleansHealth.Clinical.Model;

/// <summary>FHIR's administrative gender.</summary>
[GenerateSerializer, Alias("oh.AdministrativeSex")]
public enum AdministrativeSex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
    Other = 3,
}
