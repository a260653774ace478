using OrleansHealth.Clinical.Model;
using OrleansHealth.Learning.Features;
using OrleansHealth.Synthetic.Clinical;
using OrleansHealth.Synthetic.Population;

namespace OrleansHealth.Silo.Demo;

/// <summary>
/// The model the demo trains: onset of type-2 diabetes within two years of the synthetic population's
/// index date, from the risk factors of its known risk function (<c>src/OrleansHealth.Synthetic/RiskModel.md</c>),
/// with metformin and the weight-management programme as the treatments to rank.
/// </summary>
public static class DemoModel
{
    public const string Name = "diabetes-onset";

    public static ModelDefinition Definition(PopulationOptions population)
    {
        const int year = 365;
        const int indexVisit = 90;
        return new ModelDefinition(
            [
                new FeatureSpec("age", FeatureKind.Age),
                new FeatureSpec("sex", FeatureKind.Sex),
                new FeatureSpec("bmi", FeatureKind.Observation, "39156-5", WindowDays: year),
                new FeatureSpec("hba1c", FeatureKind.Observation, "4548-4", WindowDays: year),
                new FeatureSpec("glucose", FeatureKind.Observation, "2339-0", WindowDays: year),
                new FeatureSpec("systolic", FeatureKind.Observation, "8480-6", WindowDays: year),
                new FeatureSpec("familyHistory", FeatureKind.Condition, SyntheticCodes.FamilyHistoryOfDiabetes.Code),
                new FeatureSpec("encounters", FeatureKind.Encounters, WindowDays: year),
                new FeatureSpec("metformin", FeatureKind.Medication, SyntheticCodes.Metformin.Code, WindowDays: indexVisit),
                new FeatureSpec("lifestyle", FeatureKind.Procedure, SyntheticCodes.WeightManagementProgram.Code, WindowDays: indexVisit),
            ],
            new OutcomeSpec(OutcomeKind.Condition, SyntheticCodes.Type2Diabetes.Code, CodeSystems.Snomed, WindowDays: PopulationOptions.OutcomeWindowDays),
            population.IndexDate,
            Description: "Onset of type-2 diabetes within two years of the index date (synthetic demo population)",
            Treatment: new TreatmentSpec(
            [
                new TreatmentOption("none", new Dictionary<string, double> { ["metformin"] = 0, ["lifestyle"] = 0 }),
                new TreatmentOption("metformin", new Dictionary<string, double> { ["metformin"] = 1, ["lifestyle"] = 0 }),
                new TreatmentOption("lifestyle", new Dictionary<string, double> { ["metformin"] = 0, ["lifestyle"] = 1 }),
            ]));
    }
}
