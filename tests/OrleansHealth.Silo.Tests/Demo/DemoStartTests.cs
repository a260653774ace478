using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Silo.Demo;

namespace OrleansHealth.Silo.Tests.Demo;

/// <summary>The embedded main job: the demo population loads, the demo model trains and is promoted, and its patients get predictions and treatment rankings.</summary>
public sealed class DemoStartTests
{
    [Fact]
    public async Task DemoStart_TrainsAndPromotesTheModel_AndServesPredictionsAndTreatments()
    {
        await using var silo = await InProcessSilo.StartAsync(new Dictionary<string, string?> { ["Demo:Enabled"] = "true", ["Demo:Patients"] = "400" });
        await silo.App.Services.GetRequiredService<DemoLoader>().Loaded.WaitAsync(TimeSpan.FromMinutes(4));

        var model = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/models/{DemoModel.Name}")).RootElement;
        Assert.Equal(1, model.GetProperty("activeVersion").GetInt32());

        var patientId = await FirstPatientAsync(silo);

        using var prediction = await silo.Http.GetAsync($"/api/patients/{patientId}/predictions/{DemoModel.Name}");
        Assert.Equal(HttpStatusCode.OK, prediction.StatusCode);
        var treatments = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/patients/{patientId}/treatments/{DemoModel.Name}")).RootElement;
        var ranked = treatments.GetProperty("treatments").EnumerateArray().ToList();
        Assert.Equal(["lifestyle", "metformin", "none"], ranked.Select(t => t.GetProperty("treatment").GetString()).Order());
        Assert.Equal([1, 2, 3], ranked.Select(t => t.GetProperty("rank").GetInt32()));
        Assert.True(ranked[0].GetProperty("goodOutcome").GetDouble() >= ranked[2].GetProperty("goodOutcome").GetDouble());
        Assert.All(ranked, t => Assert.InRange(t.GetProperty("spread").GetDouble(), 0, 0.5));
    }

    /// <summary>A demo patient, found through a source's own id as the generator assigned it.</summary>
    private static async Task<string> FirstPatientAsync(InProcessSilo silo)
    {
        var simulator = new OrleansHealth.Synthetic.Sources.SourceSimulator(
            new OrleansHealth.Synthetic.Population.PopulationGenerator(new OrleansHealth.Synthetic.Population.PopulationOptions { PatientCount = 400, Seed = 42 }),
            new OrleansHealth.Synthetic.Sources.SourceSimulationOptions());
        foreach (var record in simulator.SimulateDemographics())
        {
            using var response = await silo.Http.GetAsync($"/api/patients?source={record.SourceId}&localId={Uri.EscapeDataString(record.LocalId)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("patientId").GetString()!;
            }
        }

        throw new InvalidOperationException("No demo patient could be resolved.");
    }
}
