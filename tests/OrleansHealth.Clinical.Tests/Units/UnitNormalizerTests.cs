using OrleansHealth.Clinical.Units;

namespace OrleansHealth.Clinical.Tests.Units;

public sealed class UnitNormalizerTests
{
    [Theory]
    [InlineData("2339-0", 5.5, "mmol/L", 99.088, "mg/dL")]
    [InlineData("2339-0", 99, "mg/dl", 99, "mg/dL")]
    [InlineData("29463-7", 154, "[lb_av]", 69.853225, "kg")]
    [InlineData("29463-7", 154, "lbs", 69.853225, "kg")]
    [InlineData("8302-2", 70, "[in_i]", 177.8, "cm")]
    [InlineData("8310-5", 98.6, "[degF]", 37, "Cel")]
    [InlineData("8310-5", 37.2, "°C", 37.2, "Cel")]
    [InlineData("4548-4", 53, "mmol/mol", 7.00044, "%")]
    [InlineData("8480-6", 120, "mmHg", 120, "mm[Hg]")]
    public void Normalize_KnownQuantity_ConvertsToTheCanonicalUnit(string code, double value, string unit, double expected, string expectedUnit)
    {
        var result = UnitNormalizer.Normalize(Facts.Observation(code, value, unit));

        Assert.Null(result.Refusal);
        Assert.Equal(expected, result.Fact!.Value!.Value, 6);
        Assert.Equal(expectedUnit, result.Fact.Unit);
    }

    [Fact]
    public void Normalize_Converted_KeepsTheSourceFigures()
    {
        var fact = UnitNormalizer.Normalize(Facts.Observation("29463-7", 200, "[lb_av]")).Fact!;

        Assert.Equal(200, fact.OriginalValue);
        Assert.Equal("[lb_av]", fact.OriginalUnit);
    }

    [Fact]
    public void Normalize_AlreadyCanonical_HasNoOriginal()
    {
        var fact = UnitNormalizer.Normalize(Facts.Observation("29463-7", 80, "kg")).Fact!;

        Assert.Null(fact.OriginalValue);
        Assert.Equal(80, fact.Value);
    }

    [Fact]
    public void Normalize_UnknownUnitForKnownCode_IsRefusedWithTheAcceptedUnits()
    {
        var result = UnitNormalizer.Normalize(Facts.Observation("29463-7", 80, "stone"));

        Assert.Null(result.Fact);
        Assert.Equal("unit 'stone' is not known for LOINC 29463-7 (body weight); send one of kg, g, [lb_av], [oz_av]", result.Refusal);
    }

    [Fact]
    public void Normalize_UnknownCode_KeepsItsUnitInUcumSpelling()
    {
        var fact = UnitNormalizer.Normalize(Facts.Observation("72514-3", 2, "{score}")).Fact!;

        Assert.Equal("{score}", fact.Unit);
        Assert.Equal(2, fact.Value);
    }

    [Fact]
    public void Normalize_CodedObservation_IsUntouched()
    {
        var coded = Facts.Observation("72166-2", null, null);

        Assert.Same(coded, UnitNormalizer.Normalize(coded).Fact);
    }
}
