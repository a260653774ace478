namespace OrleansHealth.Synthetic.Outcomes;

/// <summary>
/// How clinicians in the synthetic world choose a treatment: a multinomial logit in which a higher
/// HbA1c or glucose makes metformin likelier and a higher BMI or a family history makes the
/// lifestyle programme likelier. The sicker are treated more often, so a naive treated-vs-untreated
/// comparison is biased toward harm; that confounding is the point.
/// </summary>
public static class TreatmentPolicy
{
    public static PerTreatment<double> Propensities(RiskFactors factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var metformin = Math.Exp(-1.4 + (2.0 * (factors.HemoglobinA1cPercent - 5.7)) + (0.02 * (factors.GlucoseMgPerDl - 100)));
        var lifestyle = Math.Exp(-1.1 + (0.10 * (factors.BodyMassIndex - 30)) + (factors.FamilyHistoryOfDiabetes ? 0.3 : 0));
        var total = 1.0 + metformin + lifestyle;
        return new PerTreatment<double>(1.0 / total, metformin / total, lifestyle / total);
    }
}
