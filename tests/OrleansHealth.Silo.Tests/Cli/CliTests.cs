using System.Text;
using System.Text.Json;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Tests.Cli;

/// <summary>
/// The real <c>ohealth</c> binary against a running silo: sources, ingest, predictions, explanations and
/// treatments as tables and as <c>--json</c>, and the exit codes scripts rely on.
/// </summary>
public sealed class CliTests() : CliTestBase("oh-cli")
{
    private const string Source = "cli-ehr";

    [Fact]
    public async Task Sources_AddListShow_AsTablesAndJson()
    {
        var added = await Ohealth("sources", "add", Source, "--name", "CLI EHR", "--format", "fhir-ndjson", "--trust", "70");
        Ok(added);
        Assert.Contains("CLI EHR", added.Out);

        var listed = await Ohealth("sources", "list", "--json");
        Ok(listed);
        var source = JsonDocument.Parse(listed.Out).RootElement.EnumerateArray().Single(s => s.GetProperty("sourceId").GetString() == Source);
        Assert.Equal(70, source.GetProperty("trustRank").GetInt32());

        var shown = await Ohealth("sources", "show", Source);
        Ok(shown);
        Assert.Contains("trust rank", shown.Out);
        Assert.Contains("quality score", shown.Out);

        var unknown = await Ohealth("sources", "show", "no-such-source");
        Assert.Equal(3, unknown.ExitCode);
        Assert.StartsWith("error: 404", unknown.Error);
    }

    [Fact]
    public async Task Ingest_SendsEachFile_AndSummarisesWhatTheClusterMadeOfIt()
    {
        await Ohealth("sources", "add", Source);
        var patients = Path.Combine(Folder, "patients.ndjson");
        await File.WriteAllTextAsync(patients, string.Concat(Enumerable.Range(1, 5).Select(i =>
            $$"""{"resourceType":"Patient","id":"cli-{{i}}","name":[{"family":"Ekberg","given":["Nils"]}],"birthDate":"197{{i}}-02-03"}""" + "\n")));
        var observations = Path.Combine(Folder, "observations.ndjson");
        await File.WriteAllTextAsync(observations,
            """{"resourceType":"Observation","id":"cli-o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/cli-1"},"valueQuantity":{"value":81,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}""" + "\n" +
            """{"resourceType":"Observation","id":"cli-o2","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/cli-2"},"valueQuantity":{"value":-3,"unit":"kg","system":"http://unitsofmeasure.org","code":"kg"}}""" + "\n");

        var sent = await Ohealth("ingest", patients, observations, "--source", Source);
        Ok(sent);
        Assert.True(sent.Out.Contains("patients.ndjson", StringComparison.Ordinal), sent.Out);
        Assert.Contains("total", sent.Out);

        var again = await Ohealth("ingest", patients, observations, "--source", Source, "--json");
        Ok(again);
        var reports = JsonDocument.Parse(again.Out).RootElement.EnumerateArray().Select(r => r.GetProperty("report")).ToList();
        Assert.Equal(5, reports[0].GetProperty("duplicates").GetInt32());
        Assert.Equal(1, reports[1].GetProperty("duplicates").GetInt32());
        Assert.Equal(1, reports[1].GetProperty("rejected").GetInt32());

        var toNowhere = await Ohealth("ingest", patients, "--source", "no-such-source");
        Assert.Equal(3, toNowhere.ExitCode);
        Assert.Contains("patients.ndjson", toNowhere.Error);
        var text = Path.Combine(Folder, "notes.txt");
        await File.WriteAllTextAsync(text, "hello");
        Assert.Equal(2, (await Ohealth("ingest", text, "--source", Source)).ExitCode);
        Assert.Equal(2, (await Ohealth("ingest", patients)).ExitCode);
    }

    [Fact]
    public async Task ModelsDefineTrainPromote_ThenPredictExplainTreatments_ShowTheActiveVersionsAnswer()
    {
        const string Model = "cli-pima";
        Ok(await Ohealth("sources", "add", "cli-pima", "--format", "csv"));
        var csv = Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv");
        Ok(await Ohealth("ingest", csv, "--source", "cli-pima", "--format", "tabular"));
        var definition = Path.Combine(Folder, "cli-pima.json");
        await File.WriteAllTextAsync(definition, JsonSerializer.Serialize(new
        {
            features = new[] { "Glucose", "BMI", "Age" }.Select(c => new { name = c, kind = "column", source = "cli-pima", code = c }).ToArray(),
            outcome = new { kind = "label", source = "cli-pima", code = "Outcome" },
        }));
        Ok(await Ohealth("models", "define", Model, "--file", definition));

        var trained = await Ohealth("models", "train", Model, "--trees", "10", "--shards", "2", "--seed", "3");
        Ok(trained);
        Assert.Contains("Completed", trained.Out);
        Assert.Contains("auroc", trained.Out);
        var status = JsonDocument.Parse((await Ohealth("models", "status", Model, "--json")).Out).RootElement;
        Assert.Equal(2, status.GetProperty("shards").GetArrayLength());
        Assert.All(status.GetProperty("shards").EnumerateArray(), shard => Assert.False(string.IsNullOrEmpty(shard.GetProperty("silo").GetString())));
        var promoted = await Ohealth("models", "promote", Model, "--version", status.GetProperty("version").GetInt32().ToString());
        Ok(promoted);
        Assert.Contains("active version: 1", promoted.Out);
        Assert.Equal(3, (await Ohealth("models", "promote", Model, "--version", "9")).ExitCode);
        Assert.Equal(3, (await Ohealth("models", "status", "no-such-model")).ExitCode);

        var patient = JsonDocument.Parse(await Silo.Http.GetStringAsync("/api/patients?source=cli-pima&localId=row-3")).RootElement.GetProperty("patientId").GetString()!;
        var api = JsonDocument.Parse(await Silo.Http.GetStringAsync($"/api/patients/{patient}/predictions/{Model}")).RootElement;

        var predicted = await Ohealth("predict", "--patient", patient, "--model", Model, "--json");
        Ok(predicted);
        Assert.Equal(api.GetProperty("probability").GetDouble(), JsonDocument.Parse(predicted.Out).RootElement.GetProperty("probability").GetDouble());

        var table = await Ohealth("predict", "--patient", patient, "--model", Model);
        Ok(table);
        Assert.Contains($"risk for {patient}", table.Out);
        Assert.Contains("Largest contributions", table.Out);

        var explained = await Ohealth("explain", "--patient", patient, "--model", Model);
        Ok(explained);
        Assert.Contains("Toward the risk", explained.Out);
        Assert.Contains("Against the risk", explained.Out);

        var treatments = await Ohealth("treatments", "--patient", patient, "--model", Model);
        Assert.Equal(6, treatments.ExitCode);
        Assert.Contains("names no treatment", treatments.Error);

        Assert.Equal(3, (await Ohealth("predict", "--patient", "p-nobody", "--model", Model)).ExitCode);
        Assert.Equal(2, (await Ohealth("predict", "--model", Model)).ExitCode);
    }

    [Fact]
    public async Task WithoutAToken_Or_WithoutACluster_TheExitCodeSaysSo()
    {
        var refused = await OhealthProcess.RunAsync(Silo.Http.BaseAddress!, token: null, "sources", "list");
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("OHEALTH_TOKEN", refused.Error);

        var unreachable = await OhealthProcess.RunAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}"), TestAuth.Token(), "sources", "list");
        Assert.Equal(5, unreachable.ExitCode);
        Assert.Contains("cannot reach the cluster", unreachable.Error);

        var clinician = await OhealthProcess.RunAsync(Silo.Http.BaseAddress!, TestAuth.Token([Roles.Clinician]), "sources", "list");
        Assert.Equal(4, clinician.ExitCode);
    }
}
