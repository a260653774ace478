namespace OrleansHealth.Synthetic.Clinical;

/// <summary>The vitals and labs the synthetic visits record (see <see cref="MeasureCatalog"/> for codes and units).</summary>
public enum Measure
{
    BodyHeight = 0,
    BodyWeight = 1,
    BodyMassIndex = 2,
    SystolicBloodPressure = 3,
    DiastolicBloodPressure = 4,
    HeartRate = 5,
    BodyTemperature = 6,
    Glucose = 7,
    HemoglobinA1c = 8,
    TotalCholesterol = 9,
}
