using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Outcomes;

/// <summary>
/// A person's values at the index visit, in canonical units and rounded as reported. The risk
/// function (<see cref="DiabetesRiskModel"/>) reads age, BMI, HbA1c, glucose, systolic pressure and
/// family history; the rest shape the visit history.
/// </summary>
public sealed record RiskFactors(
    int AgeYears,
    AdministrativeSex Sex,
    double HeightCm,
    double WeightKg,
    double BodyMassIndex,
    double SystolicBloodPressure,
    double DiastolicBloodPressure,
    double HeartRate,
    double BodyTemperature,
    double GlucoseMgPerDl,
    double HemoglobinA1cPercent,
    double TotalCholesterolMgPerDl,
    bool FamilyHistoryOfDiabetes)
{
    public bool HasHypertension => SystolicBloodPressure >= 140 || DiastolicBloodPressure >= 90;

    public bool HasPrediabetes => HemoglobinA1cPercent >= 5.7 || GlucoseMgPerDl >= 100;

    public bool HasObesity => BodyMassIndex >= 30;

    public bool HasHyperlipidemia => TotalCholesterolMgPerDl >= 240;
}
