using OrleansHealth.Silo.Api;
using OrleansHealth.Sources;

namespace OrleansHealth.Silo.Tests.Api;

public sealed class SourceRegistrationValidatorTests
{
    [Fact]
    public void Validate_CompleteRequest_GivesTheRegistration()
    {
        var registration = SourceRegistrationValidator.Validate("ehr-st-mary", new SourceRegistrationRequest(" St Mary EHR ", "FHIR-JSON", 80), out var errors);

        Assert.Empty(errors);
        Assert.Equal(new SourceRegistration("St Mary EHR", SourceFormat.FhirJson, 80), registration);
    }

    [Fact]
    public void Validate_NoTrustRank_UsesTheDefault()
    {
        var registration = SourceRegistrationValidator.Validate("lab", new SourceRegistrationRequest("Lab", "csv", null), out _);

        Assert.Equal(SourceRegistrationValidator.DefaultTrustRank, registration!.TrustRank);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEachField()
    {
        var registration = SourceRegistrationValidator.Validate("Bad Id!", new SourceRegistrationRequest("", "hl7v2", 101), out var errors);

        Assert.Null(registration);
        Assert.Equal(["format", "name", "sourceId", "trustRank"], errors.Keys.Order().ToArray());
        Assert.Equal("use one of fhir-json, fhir-ndjson, csv.", errors["format"].Single());
    }

    [Fact]
    public void Validate_NoBody_AsksForOne()
    {
        SourceRegistrationValidator.Validate("lab", null, out var errors);

        Assert.Equal(["body"], errors.Keys.ToArray());
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("ehr-st-mary", true)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("UPPER", false)]
    [InlineData("", false)]
    public void SourceIds_Shape(string id, bool valid)
    {
        Assert.Equal(valid, SourceIds.IsValid(id));
    }
}
