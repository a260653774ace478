using Microsoft.Extensions.Time.Testing;
using OrleansHealth.Clinical.Reading;
using OrleansHealth.Clinical.Validation;

namespace OrleansHealth.Clinical.Tests.Validation;

public sealed class RecordValidatorTests
{
    private readonly RecordValidator _validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero)));

    private static FactRead Read(IClinicalFact fact, string? subject = "p1") => new(1, new SubjectRef(subject), fact, "{}");

    private string? RuleOf(IClinicalFact fact, string? subject = "p1") => _validator.Validate(Read(fact, subject)).Failure?.Rule;

    [Fact]
    public void Validate_GoodObservation_ReturnsItNormalised()
    {
        var (fact, failure) = _validator.Validate(Read(Facts.Observation("29463-7", 176, "[lb_av]")));

        Assert.Null(failure);
        Assert.Equal("kg", ((ObservationFact)fact!).Unit);
    }

    [Fact]
    public void Validate_NegativeWeight_IsImpossible()
    {
        var failure = _validator.Validate(Read(Facts.Observation("29463-7", -3, "kg"))).Failure!;

        Assert.Equal(ValidationRules.ImpossibleValue, failure.Rule);
        Assert.Equal("body weight -3 kg is impossible (plausible 0.2–700 kg)", failure.Message);
    }

    [Fact]
    public void Validate_ImpossibleValueInOtherUnit_ReportsTheSourceFigure()
    {
        var failure = _validator.Validate(Read(Facts.Observation("8310-5", 212, "[degF]"))).Failure!;

        Assert.Equal("body temperature 212 [degF] is impossible (plausible 25–46 Cel)", failure.Message);
    }

    [Fact]
    public void Validate_NoSubject_IsMissingSubject()
    {
        Assert.Equal(ValidationRules.MissingSubject, RuleOf(Facts.Observation("29463-7", 70, "kg"), subject: null));
    }

    [Fact]
    public void Validate_UnknownUnit_IsUnknownUnit()
    {
        Assert.Equal(ValidationRules.UnknownUnit, RuleOf(Facts.Observation("2339-0", 5, "g/L")));
    }

    [Fact]
    public void Validate_BirthDateInFuture_IsRefused()
    {
        var failure = _validator.Validate(Read(Facts.Patient(Facts.Person(birth: new DateOnly(2027, 1, 1))))).Failure!;

        Assert.Equal(ValidationRules.BirthDateInFuture, failure.Rule);
        Assert.Equal("birth date 2027-01-01 is in the future", failure.Message);
    }

    [Fact]
    public void Validate_BirthDateBefore1880_IsImplausible()
    {
        Assert.Equal(ValidationRules.BirthDateImplausible, RuleOf(Facts.Patient(Facts.Person(birth: new DateOnly(1850, 1, 1)))));
    }

    [Fact]
    public void Validate_DeceasedBeforeBirth_IsRefused()
    {
        var person = Facts.Person() with { DeceasedDate = new DateOnly(1960, 1, 1) };

        Assert.Equal(ValidationRules.DeceasedBeforeBirth, RuleOf(Facts.Patient(person)));
    }

    [Fact]
    public void Validate_ObservationNextWeek_IsInTheFuture()
    {
        var future = Facts.Observation("29463-7", 70, "kg", at: new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(ValidationRules.DateInFuture, RuleOf(future));
    }

    [Fact]
    public void Validate_EventEndingBeforeItStarts_IsRefused()
    {
        var backwards = Facts.Condition("44054006") with { EndAt = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        Assert.Equal(ValidationRules.EndBeforeStart, RuleOf(backwards));
    }

    [Fact]
    public void Validate_EventWithoutCode_IsMissingCode()
    {
        var uncoded = Facts.Condition("") with { Code = new ClinicalCode(CodeSystems.Snomed, "") };

        Assert.Equal(ValidationRules.MissingCode, RuleOf(uncoded));
    }
}
