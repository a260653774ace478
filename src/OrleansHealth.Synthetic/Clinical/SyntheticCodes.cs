using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Synthetic.Clinical;

/// <summary>The SNOMED CT and RxNorm codes the synthetic histories use.</summary>
public static class SyntheticCodes
{
    public static ClinicalCode Hypertension { get; } = Snomed("59621000", "Essential hypertension (disorder)");

    public static ClinicalCode Prediabetes { get; } = Snomed("714628002", "Prediabetes (finding)");

    public static ClinicalCode Type2Diabetes { get; } = Snomed("44054006", "Diabetes mellitus type 2 (disorder)");

    public static ClinicalCode Hyperlipidemia { get; } = Snomed("55822004", "Hyperlipidemia (disorder)");

    public static ClinicalCode Obesity { get; } = Snomed("162864005", "Body mass index 30+ - obesity (finding)");

    public static ClinicalCode FamilyHistoryOfDiabetes { get; } = Snomed("160303001", "Family history of diabetes mellitus (situation)");

    public static ClinicalCode CheckUpEncounter { get; } = Snomed("185349003", "Encounter for check up (procedure)");

    public static ClinicalCode ProblemEncounter { get; } = Snomed("185347001", "Encounter for problem (procedure)");

    public static ClinicalCode SymptomEncounter { get; } = Snomed("185345009", "Encounter for symptom (procedure)");

    public static ClinicalCode Metformin { get; } = new(CodeSystems.RxNorm, "860975", "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet");

    public static ClinicalCode WeightManagementProgram { get; } = Snomed("718361005", "Weight management program (regime/therapy)");

    private static ClinicalCode Snomed(string code, string display) => new(CodeSystems.Snomed, code, display);
}
