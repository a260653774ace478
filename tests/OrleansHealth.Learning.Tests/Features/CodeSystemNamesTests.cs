using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Features;

namespace OrleansHealth.Learning.Tests.Features;

public sealed class CodeSystemNamesTests
{
    [Theory]
    [InlineData("loinc", CodeSystems.Loinc)]
    [InlineData("LOINC", CodeSystems.Loinc)]
    [InlineData(" Loinc ", CodeSystems.Loinc)]
    [InlineData("snomed", CodeSystems.Snomed)]
    [InlineData("SnomedCT", CodeSystems.Snomed)]
    [InlineData("sct", CodeSystems.Snomed)]
    [InlineData("rxnorm", CodeSystems.RxNorm)]
    [InlineData("RxNorm", CodeSystems.RxNorm)]
    public void Resolve_ShortName_IsTheSystemUri(string alias, string expected)
    {
        Assert.Equal(expected, CodeSystemNames.Resolve(alias, FeatureKind.Medication, null));
        Assert.Equal(expected, CodeSystemNames.Resolve(new OutcomeSpec(OutcomeKind.Label, "x", System: alias, Source: "pima")));
    }

    [Fact]
    public void Resolve_OtherSystem_IsKeptTrimmedWithItsCase()
    {
        Assert.Equal("http://hl7.org/fhir/sid/ICD-10-cm", CodeSystemNames.Resolve("  http://hl7.org/fhir/sid/ICD-10-cm ", FeatureKind.Condition, null));
        Assert.Equal(CodeSystems.Snomed, CodeSystemNames.Resolve(CodeSystems.Snomed, FeatureKind.Observation, null));
    }

    [Theory]
    [InlineData(FeatureKind.Observation, CodeSystems.Loinc)]
    [InlineData(FeatureKind.Condition, CodeSystems.Snomed)]
    [InlineData(FeatureKind.Procedure, CodeSystems.Snomed)]
    [InlineData(FeatureKind.Medication, CodeSystems.RxNorm)]
    [InlineData(FeatureKind.Column, "urn:ohealth:tabular:pima")]
    [InlineData(FeatureKind.Age, "")]
    [InlineData(FeatureKind.Sex, "")]
    [InlineData(FeatureKind.Encounters, "")]
    public void Resolve_NoSystem_DefaultsByKind(FeatureKind kind, string expected)
    {
        Assert.Equal(expected, CodeSystemNames.Resolve(null, kind, "pima"));
        Assert.Equal(expected, CodeSystemNames.Resolve("", kind, "pima"));
        Assert.Equal(expected, CodeSystemNames.Resolve("   ", kind, "pima"));
    }

    [Fact]
    public void Resolve_ColumnWithoutSource_IsTheBareTabularPrefix() =>
        Assert.Equal("urn:ohealth:tabular:", CodeSystemNames.Resolve(null, FeatureKind.Column, null));

    [Fact]
    public void Resolve_ConditionOutcomeWithoutSystem_IsSnomed() =>
        Assert.Equal(CodeSystems.Snomed, CodeSystemNames.Resolve(new OutcomeSpec(OutcomeKind.Condition, "44054006", Source: "pima")));

    [Fact]
    public void Resolve_LabelOutcomeWithSource_IsTheSourcesTabularSystem() =>
        Assert.Equal(CodeSystems.Tabular("pima"), CodeSystemNames.Resolve(new OutcomeSpec(OutcomeKind.Label, "Outcome", Source: "pima")));

    [Fact]
    public void Resolve_LabelOutcomeWithoutSource_IsLoinc() =>
        Assert.Equal(CodeSystems.Loinc, CodeSystemNames.Resolve(new OutcomeSpec(OutcomeKind.Label, "Outcome")));

    [Fact]
    public void Resolve_OutcomeWithExplicitSystem_OverridesTheSource() =>
        Assert.Equal("urn:test", CodeSystemNames.Resolve(new OutcomeSpec(OutcomeKind.Label, "Outcome", System: "urn:test", Source: "pima")));
}
