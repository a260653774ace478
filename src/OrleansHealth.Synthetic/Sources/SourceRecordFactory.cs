using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Clinical;
using OrleansHealth.Synthetic.Outcomes;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Randomness;

namespace OrleansHealth.Synthetic.Sources;

/// <summary>Cuts the encounters that happened at one source out of a person's history, in the source's units and ids.</summary>
internal static class SourceRecordFactory
{
    public static IReadOnlyList<SourceEncounter> Encounters(SyntheticPerson person, SourceProfile source, int[] visitSource, DeterministicRandom ids)
    {
        var encounters = new List<SourceEncounter>();
        foreach (var visit in person.Visits)
        {
            if (visitSource[visit.Number] != source.Index)
            {
                continue;
            }

            var encounterId = ids.NextUuid();
            var observations = Observations(visit, source.Units, ids);
            var events = new List<SourceEvent>();
            foreach (var condition in person.Conditions)
            {
                if (condition.VisitNumber == visit.Number)
                {
                    events.Add(new SourceEvent(ids.NextUuid(), EventKind.Condition, condition.Code, condition.Onset, condition.Abatement, Reason: null));
                }
            }

            if (visit.Number == person.IndexVisitNumber && person.Truth.Treatment != Treatment.None)
            {
                events.Add(TreatmentEvent(person, visit, ids.NextUuid()));
            }

            encounters.Add(new SourceEncounter(encounterId, visit.Kind, EncounterCode(visit.Kind), visit.Start, visit.End, observations, events));
        }

        return encounters;
    }

    private static SourceEvent TreatmentEvent(SyntheticPerson person, SyntheticVisit visit, string id)
    {
        var reason = person.Baseline.HasPrediabetes ? SyntheticCodes.Prediabetes : null;
        return person.Truth.Treatment == Treatment.Metformin
            ? new SourceEvent(id, EventKind.Medication, SyntheticCodes.Metformin, visit.Start, End: null, reason)
            : new SourceEvent(id, EventKind.Procedure, SyntheticCodes.WeightManagementProgram, visit.Start, visit.End, person.Baseline.HasObesity ? SyntheticCodes.Obesity : reason);
    }

    private static SourceObservation[] Observations(SyntheticVisit visit, UnitProfile units, DeterministicRandom ids)
    {
        var observations = new List<SourceObservation>(visit.Measurements.Count);
        double? diastolic = null;
        foreach (var measurement in visit.Measurements)
        {
            if (measurement.Measure == Measure.DiastolicBloodPressure)
            {
                diastolic = measurement.Value;
            }
        }

        foreach (var measurement in visit.Measurements)
        {
            var definition = MeasureCatalog.Get(measurement.Measure);
            if (measurement.Measure == Measure.DiastolicBloodPressure)
            {
                continue;
            }

            if (measurement.Measure == Measure.SystolicBloodPressure && diastolic is { } diastolicValue)
            {
                // Systolic and diastolic travel together as the blood-pressure panel.
                var diastolicDefinition = MeasureCatalog.Get(Measure.DiastolicBloodPressure);
                observations.Add(new SourceObservation(
                    ids.NextUuid(),
                    definition.Category,
                    MeasureCatalog.BloodPressurePanel,
                    visit.Start,
                    [Quantity(definition, measurement.Value, units), Quantity(diastolicDefinition, diastolicValue, units)]));
                continue;
            }

            observations.Add(new SourceObservation(ids.NextUuid(), definition.Category, definition.Code, visit.Start, [Quantity(definition, measurement.Value, units)]));
        }

        return [.. observations];
    }

    private static SourceQuantity Quantity(MeasureDefinition definition, double canonicalValue, UnitProfile units)
    {
        var (value, unit) = definition.Report(canonicalValue, units);
        return new SourceQuantity(definition.Code, value, unit);
    }

    private static ClinicalCode EncounterCode(VisitKind kind) => kind switch
    {
        VisitKind.CheckUp => SyntheticCodes.CheckUpEncounter,
        VisitKind.Symptom => SyntheticCodes.SymptomEncounter,
        _ => SyntheticCodes.ProblemEncounter,
    };
}
