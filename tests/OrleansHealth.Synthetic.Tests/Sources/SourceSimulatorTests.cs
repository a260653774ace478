using System.Text.RegularExpressions;
using OrleansHealth.Clinical.Model;
using OrleansHealth.Synthetic.Clinical;
using OrleansHealth.Synthetic.Population;
using OrleansHealth.Synthetic.Sources;
using OrleansHealth.Synthetic.Tests.Support;

namespace OrleansHealth.Synthetic.Tests.Sources;

public sealed partial class SourceSimulatorTests
{
    [Fact]
    public void Sources_ThreeByDefault_WithDistinctIdsRanksSystemsAndOneAlternativeUnitSource()
    {
        var simulator = Scenarios.Sources(10);

        Assert.Equal(["ehr-st-mary", "lab-northside", "clinic-riverside"], simulator.Sources.Select(s => s.Id));
        Assert.Equal([10, 50, 90], simulator.Sources.Select(s => s.TrustRank).Order());
        Assert.Equal(3, simulator.Sources.Select(s => s.MrnSystem).Distinct().Count());
        Assert.Equal([FeedFormat.FhirBundle, FeedFormat.FhirNdjson, FeedFormat.SyntheaCsv], simulator.Sources.Select(s => s.PreferredFormat));
        Assert.Equal([UnitProfile.Canonical, UnitProfile.Canonical, UnitProfile.Alternative], simulator.Sources.Select(s => s.Units));
        Assert.Equal([true, false, true], simulator.Sources.Select(s => s.CarriesSsn));
    }

    [Fact]
    public void Sources_MoreThanTheNamedOnes_GetNumberedIds()
    {
        var simulator = Scenarios.Sources(10, sources: 14);

        Assert.Equal("source-13", simulator.Sources[12].Id);
        Assert.Equal(14, simulator.Sources.Select(s => s.Id).Distinct().Count());
        Assert.All(simulator.Sources, s => Assert.InRange(s.TrustRank, 10, 90));
    }

    [Fact]
    public void SourcesOf_ShareInTwoOrMoreSources_IsTheOverlap()
    {
        var simulator = Scenarios.Sources(20_000, overlap: 0.4);
        var counts = Enumerable.Range(0, 20_000).Select(i => simulator.SourcesOf(i).Count).ToArray();

        Assert.InRange(counts.Count(c => c >= 2) / 20_000.0, 0.39, 0.41);
        Assert.InRange(counts.Count(c => c == 3) / 20_000.0, 0.15, 0.17);
        Assert.All(counts, c => Assert.InRange(c, 1, 3));
    }

    [Fact]
    public void SourcesOf_EverySourceSeesAGoodShare()
    {
        var simulator = Scenarios.Sources(9_000);
        var perSource = new int[3];
        for (var i = 0; i < 9_000; i++)
        {
            foreach (var source in simulator.SourcesOf(i))
            {
                perSource[source.Index]++;
            }
        }

        // 1.75 sources per person on average, spread evenly: 7/12 of the persons each.
        Assert.All(perSource, n => Assert.InRange(n / 9_000.0, 0.56, 0.61));
    }

    [Fact]
    public void SourcesOf_OneSource_EveryoneIsInIt()
    {
        var simulator = Scenarios.Sources(100, sources: 1);

        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal("ehr-st-mary", Assert.Single(simulator.SourcesOf(i)).Id));
    }

    [Fact]
    public void LocalIdsAndMrns_AreUniqueWithinEachSource()
    {
        var simulator = Scenarios.Sources(30_000);
        foreach (var source in simulator.Sources)
        {
            var localIds = new HashSet<string>();
            var mrns = new HashSet<string>();
            for (var i = 0; i < 30_000; i++)
            {
                Assert.True(localIds.Add(simulator.LocalIdOf(i, source)));
                var mrn = simulator.MrnOf(i, source);
                Assert.Matches(EightDigits(), mrn);
                Assert.True(mrns.Add(mrn));
            }
        }
    }

    [Fact]
    public void SimulateDemographics_OrderedBySourceThenPersonWithResendsRightAfterTheirOriginal()
    {
        var simulator = Scenarios.Sources(2_000, noise: NoiseRates.Default with { DuplicateSend = 0.2 });
        var records = simulator.SimulateDemographics();
        var sourceOrder = simulator.Sources.Select(s => s.Id).ToList();

        for (var i = 1; i < records.Count; i++)
        {
            var previous = records[i - 1];
            var current = records[i];
            var bySource = sourceOrder.IndexOf(current.SourceId).CompareTo(sourceOrder.IndexOf(previous.SourceId));
            Assert.True(bySource > 0 || (bySource == 0 && string.CompareOrdinal(current.PersonId, previous.PersonId) >= 0));
            if (current.IsResend)
            {
                Assert.Equal((previous.SourceId, previous.LocalId, previous.PersonId, false), (current.SourceId, current.LocalId, current.PersonId, previous.IsResend));
                Assert.Same(previous.Demographics, current.Demographics);
            }
        }

        Assert.InRange(records.Count(r => r.IsResend) / (double)records.Count(r => !r.IsResend), 0.18, 0.22);
    }

    [Fact]
    public void SimulateDemographics_SameAsThePatientsOfTheFullSimulation()
    {
        var simulator = Scenarios.Sources(300);
        var fast = simulator.SimulateDemographics().Where(r => !r.IsResend).OrderBy(r => r.PersonId, StringComparer.Ordinal).ThenBy(r => r.SourceId, StringComparer.Ordinal);
        var full = simulator.Population.GenerateAll().SelectMany(simulator.Simulate).OrderBy(p => p.PersonId, StringComparer.Ordinal).ThenBy(p => p.Source.Id, StringComparer.Ordinal);

        Assert.Equal(
            full.Select(p => $"{p.Source.Id} {p.LocalId} {p.PersonId} {Describe(p.Demographics)}"),
            fast.Select(r => $"{r.SourceId} {r.LocalId} {r.PersonId} {Describe(r.Demographics)}"));
    }

    [Fact]
    public void Simulate_EveryVisitHappensAtExactlyOneOfThePersonsSources()
    {
        var simulator = Scenarios.Sources(300);
        foreach (var person in simulator.Population.GenerateAll())
        {
            var patients = simulator.Simulate(person);
            var encounters = patients.SelectMany(p => p.Encounters).ToArray();

            Assert.Equal(person.Visits.Select(v => v.Start), encounters.Select(e => e.Start).Order());
            Assert.Equal(encounters.Length, encounters.Select(e => e.Id).Distinct().Count());
            Assert.Equal(simulator.SourcesOf(person.Index).Select(s => s.Id), patients.Select(p => p.Source.Id));
            Assert.Equal(person.Conditions.Count, encounters.Sum(e => e.Events.Count(x => x.Kind == EventKind.Condition)));
        }
    }

    [Fact]
    public void Simulate_TreatmentIsRecordedOnceAtTheIndexVisit()
    {
        var simulator = Scenarios.Sources(400);
        foreach (var person in simulator.Population.GenerateAll())
        {
            var treatments = simulator.Simulate(person).SelectMany(p => p.Encounters)
                .SelectMany(e => e.Events.Where(x => x.Kind != EventKind.Condition).Select(x => (Encounter: e, Event: x))).ToArray();
            switch (person.Truth.Treatment)
            {
                case Synthetic.Outcomes.Treatment.None:
                    Assert.Empty(treatments);
                    break;
                case Synthetic.Outcomes.Treatment.Metformin:
                    var medication = Assert.Single(treatments);
                    Assert.Equal((EventKind.Medication, SyntheticCodes.Metformin.Code, person.IndexVisit.Start), (medication.Event.Kind, medication.Event.Code.Code, medication.Encounter.Start));
                    break;
                default:
                    var procedure = Assert.Single(treatments);
                    Assert.Equal((EventKind.Procedure, SyntheticCodes.WeightManagementProgram.Code, person.IndexVisit.Start), (procedure.Event.Kind, procedure.Event.Code.Code, procedure.Encounter.Start));
                    break;
            }
        }
    }

    [Fact]
    public void Simulate_AlternativeUnitSource_ReportsConvertedValues()
    {
        var simulator = Scenarios.Sources(300, overlap: 1);
        var (person, alternative) = simulator.Population.GenerateAll()
            .Select(p => (Person: p, Patient: simulator.Simulate(p).Single(x => x.Source.Units == UnitProfile.Alternative)))
            .First(x => x.Patient.Encounters.Count(e => e.Kind == VisitKind.CheckUp) >= 2);

        foreach (var encounter in alternative.Encounters)
        {
            var visit = person.Visits.Single(v => v.Start == encounter.Start);
            foreach (var quantity in encounter.Observations.SelectMany(o => o.Values))
            {
                var measurement = visit.Measurements.Single(m => MeasureCatalog.Get(m.Measure).Code.Matches(quantity.Code));
                var expected = measurement.Measure switch
                {
                    Measure.BodyWeight => ("[lb_av]", measurement.Value * 2.2046226218, 0.05),
                    Measure.BodyHeight => ("[in_i]", measurement.Value / 2.54, 0.05),
                    Measure.Glucose => ("mmol/L", measurement.Value / 18.016, 0.05),
                    Measure.BodyTemperature => ("[degF]", (measurement.Value * 1.8) + 32, 0.05),
                    Measure.HemoglobinA1c => ("mmol/mol", (measurement.Value - 2.15) * 10.929, 0.5),
                    _ => (MeasureCatalog.Get(measurement.Measure).Unit, measurement.Value, 0.0),
                };
                Assert.Equal(expected.Item1, quantity.Unit);
                Assert.InRange(quantity.Value, expected.Item2 - expected.Item3 - 1e-9, expected.Item2 + expected.Item3 + 1e-9);
            }
        }
    }

    [Fact]
    public void Simulate_BloodPressure_IsOnePanelWithSystolicAndDiastolic()
    {
        var simulator = Scenarios.Sources(20);
        var person = simulator.Population.GeneratePerson(3);
        var panels = simulator.Simulate(person).SelectMany(p => p.Encounters).SelectMany(e => e.Observations).Where(o => o.IsPanel).ToArray();

        Assert.Equal(person.Visits.Count, panels.Length);
        Assert.All(panels, panel =>
        {
            Assert.Equal("85354-9", panel.Code.Code);
            Assert.Equal(["8480-6", "8462-4"], panel.Values.Select(v => v.Code.Code));
            Assert.All(panel.Values, v => Assert.Equal("mm[Hg]", v.Unit));
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SourceSimulationOptions.MaxSourceCount + 1)]
    public void Constructor_SourceCountOutOfRange_ThrowsNamingIt(int count)
    {
        var exception = Assert.Throws<ArgumentException>(() => new SourceSimulator(Scenarios.Population(5), new SourceSimulationOptions { SourceCount = count }));

        Assert.Equal("SourceCount", exception.ParamName);
    }

    [Fact]
    public void Constructor_RateOutsideZeroToOne_ThrowsNamingIt()
    {
        var options = new SourceSimulationOptions { Noise = NoiseRates.Default with { MissingPhone = 1.5 } };

        var exception = Assert.Throws<ArgumentException>(() => new SourceSimulator(Scenarios.Population(5), options));

        Assert.Equal("MissingPhone", exception.ParamName);
    }

    internal static string Describe(Demographics d) =>
        $"{string.Join(",", d.Identifiers)} {d.FamilyName} {string.Join(" ", d.GivenNames)} {d.BirthDate:O} {d.Sex} {d.AddressLine} {d.City} {d.State} {d.PostalCode} {d.Phone}";

    [GeneratedRegex(@"^\d{8}$")]
    private static partial Regex EightDigits();
}
