using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Clinical;

/// <summary>LOINC codes, UCUM units and unit conversions of every <see cref="Measure"/>.</summary>
public static class MeasureCatalog
{
    private static readonly MeasureDefinition[] Definitions =
    [
        new(Measure.BodyHeight, Loinc("8302-2", "Body height"), VitalSigns, "cm", 1, "[in_i]", 1.0 / 2.54),
        new(Measure.BodyWeight, Loinc("29463-7", "Body weight"), VitalSigns, "kg", 1, "[lb_av]", 2.2046226218),
        new(Measure.BodyMassIndex, Loinc("39156-5", "Body mass index (BMI) [Ratio]"), VitalSigns, "kg/m2", 1),
        new(Measure.SystolicBloodPressure, Loinc("8480-6", "Systolic blood pressure"), VitalSigns, "mm[Hg]", 0),
        new(Measure.DiastolicBloodPressure, Loinc("8462-4", "Diastolic blood pressure"), VitalSigns, "mm[Hg]", 0),
        new(Measure.HeartRate, Loinc("8867-4", "Heart rate"), VitalSigns, "/min", 0),
        new(Measure.BodyTemperature, Loinc("8310-5", "Body temperature"), VitalSigns, "Cel", 1, "[degF]", 1.8, 32.0),
        // Glucose: 1 mmol/L = 18.016 mg/dL (molar mass 180.16 g/mol).
        new(Measure.Glucose, Loinc("2339-0", "Glucose [Mass/volume] in Blood"), Laboratory, "mg/dL", 0, "mmol/L", 1.0 / 18.016),
        // HbA1c: IFCC mmol/mol = 10.929 × (NGSP % − 2.15).
        new(Measure.HemoglobinA1c, Loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"), Laboratory, "%", 1, "mmol/mol", 10.929, -10.929 * 2.15, 0),
        new(Measure.TotalCholesterol, Loinc("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma"), Laboratory, "mg/dL", 0),
    ];

    public const string VitalSigns = "vital-signs";
    public const string Laboratory = "laboratory";

    /// <summary>The blood-pressure panel that carries systolic and diastolic as components.</summary>
    public static ClinicalCode BloodPressurePanel { get; } = Loinc("85354-9", "Blood pressure panel with all children optional");

    public static IReadOnlyList<MeasureDefinition> All => Definitions;

    public static MeasureDefinition Get(Measure measure) => Definitions[(int)measure];

    private static ClinicalCode Loinc(string code, string display) => new(CodeSystems.Loinc, code, display);
}
