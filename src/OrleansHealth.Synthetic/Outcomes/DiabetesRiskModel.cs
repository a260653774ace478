namespace OrleansHealth.Synthetic.Outcomes;

/// <summary>
/// The known risk function of the outcome (type-2 diabetes onset within two years after the index
/// date) and the known, patient-dependent treatment effects. RiskModel.md in this project states the
/// same formulas for readers who do not read C#; keep the two in step.
/// </summary>
public static class DiabetesRiskModel
{
    public const double Intercept = -2.2;
    public const double AgePerYear = 0.03;
    public const double BmiPerUnit = 0.08;
    public const double HbA1cPerPercent = 1.6;
    public const double GlucosePerMgPerDl = 0.025;
    public const double SystolicPerMmHg = 0.015;
    public const double FamilyHistory = 0.7;

    /// <summary>Linear predictor without treatment.</summary>
    public static double BaselineLogOdds(RiskFactors factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return Intercept
            + (AgePerYear * (factors.AgeYears - 50))
            + (BmiPerUnit * (factors.BodyMassIndex - 28))
            + (HbA1cPerPercent * (factors.HemoglobinA1cPercent - 5.6))
            + (GlucosePerMgPerDl * (factors.GlucoseMgPerDl - 100))
            + (SystolicPerMmHg * (factors.SystolicBloodPressure - 125))
            + (factors.FamilyHistoryOfDiabetes ? FamilyHistory : 0);
    }

    /// <summary>
    /// The change in log-odds a treatment causes; never positive. Metformin helps more the higher the
    /// HbA1c, the lifestyle programme the higher the BMI.
    /// </summary>
    public static double TreatmentEffect(RiskFactors factors, Treatment treatment)
    {
        ArgumentNullException.ThrowIfNull(factors);
        return treatment switch
        {
            Treatment.None => 0,
            Treatment.Metformin => -(0.2 + (0.9 * Math.Max(0, factors.HemoglobinA1cPercent - 5.5))),
            Treatment.Lifestyle => -(0.1 + (0.08 * Math.Max(0, factors.BodyMassIndex - 25))),
            _ => throw new ArgumentOutOfRangeException(nameof(treatment), treatment, "Not a candidate treatment."),
        };
    }

    /// <summary>Probability of the outcome under one treatment.</summary>
    public static double Risk(RiskFactors factors, Treatment treatment) =>
        Logistic(BaselineLogOdds(factors) + TreatmentEffect(factors, treatment));

    public static PerTreatment<double> Risks(RiskFactors factors) =>
        new(Risk(factors, Treatment.None), Risk(factors, Treatment.Metformin), Risk(factors, Treatment.Lifestyle));

    public static double Logistic(double logOdds) => 1.0 / (1.0 + Math.Exp(-logOdds));
}
