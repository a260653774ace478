namespace OrleansHealth.Clinical.Units;

/// <summary>An affine conversion into a canonical unit: canonical = value × Factor + Offset.</summary>
public readonly record struct UnitConversion(double Factor, double Offset = 0)
{
    public static readonly UnitConversion Identity = new(1);

    public double Apply(double value) => value * Factor + Offset;
}
