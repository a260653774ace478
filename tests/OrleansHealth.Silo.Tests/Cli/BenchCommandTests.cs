using System.Text.Json;

namespace OrleansHealth.Silo.Tests.Cli;

/// <summary>
/// <c>ohealth bench ingest</c> and <c>bench predict</c>, the real binary against a running silo: the summaries, the
/// <c>--json</c> shape scripts read (rates, counts, latency percentiles in order) and the exit code of a missing
/// patient list. This project only builds the CLI (ReferenceOutputAssembly=false), so the percentiles are checked
/// here through the binary: counted, and in order.
/// </summary>
public sealed class BenchCommandTests() : CliTestBase("oh-bench")
{
    [Fact]
    public async Task BenchIngest_RegistersTheSource_SendsASyntheticFeed_AndReportsTheRate()
    {
        var table = await Ohealth("bench", "ingest", "--source", "bench-ehr", "--patients", "30", "--seed", "7");
        Ok(table);
        Assert.Contains("records/s", table.Out);
        Assert.Contains("registered now", table.Out);
        var source = JsonDocument.Parse(await Silo.Http.GetStringAsync("/api/sources/bench-ehr")).RootElement;
        Assert.Equal("fhir-ndjson", source.GetProperty("format").GetString());

        var json = await Ohealth("bench", "ingest", "--source", "bench-bundles", "--patients", "30", "--seed", "8", "--format", "fhir-json", "--concurrency", "3", "--json");
        Ok(json);
        var summary = JsonDocument.Parse(json.Out).RootElement;
        Assert.True(summary.GetProperty("registered").GetBoolean());
        Assert.Equal(30, summary.GetProperty("patients").GetInt32());
        Assert.True(summary.GetProperty("accepted").GetInt64() > 0, json.Out);
        Assert.True(summary.GetProperty("recordsPerSecond").GetDouble() > 0, json.Out);
        Assert.Equal(
            summary.GetProperty("records").GetInt64(),
            new[] { "accepted", "duplicates", "rejected", "skipped" }.Sum(n => summary.GetProperty(n).GetInt64()));

        // The same seed again: the cluster has every record already, and the source is not registered twice.
        var again = JsonDocument.Parse((await Ohealth("bench", "ingest", "--source", "bench-bundles", "--patients", "30", "--seed", "8", "--format", "fhir-json", "--json")).Out).RootElement;
        Assert.False(again.GetProperty("registered").GetBoolean());
        Assert.Equal(0, again.GetProperty("accepted").GetInt64());
        Assert.True(again.GetProperty("duplicates").GetInt64() > 0);

        Assert.Equal(2, (await Ohealth("bench", "ingest", "--patients", "30")).ExitCode);
        Assert.Equal(2, (await Ohealth("bench", "ingest", "--source", "bench-ehr", "--format", "hl7")).ExitCode);
    }

    [Fact]
    public async Task BenchPredict_GoesRoundThePatients_AndReportsOrderedPercentiles()
    {
        const string Model = "bench-pima";
        await TrainPimaAsync(Model);
        var patients = new List<string>();
        foreach (var row in new[] { "row-3", "row-4" })
        {
            patients.Add(JsonDocument.Parse(await Silo.Http.GetStringAsync($"/api/patients?source=bench-pima&localId={row}")).RootElement.GetProperty("patientId").GetString()!);
        }

        var json = await Ohealth("bench", "predict", "--model", Model, "--patient", patients[0], "--patient", patients[1], "--requests", "60", "--concurrency", "4", "--json");
        Ok(json);
        var summary = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(60, summary.GetProperty("requests").GetInt32());
        Assert.Equal(0, summary.GetProperty("errors").GetInt32());
        Assert.Equal(2, summary.GetProperty("patients").GetInt32());
        Assert.True(summary.GetProperty("requestsPerSecond").GetDouble() > 0, json.Out);
        var latency = summary.GetProperty("latencyMs");
        var (p50, p95, p99, max) = (latency.GetProperty("p50").GetDouble(), latency.GetProperty("p95").GetDouble(), latency.GetProperty("p99").GetDouble(), latency.GetProperty("max").GetDouble());
        Assert.True(p50 > 0 && p50 <= p95 && p95 <= p99 && p99 <= max, json.Out);
        Assert.Equal(60, latency.GetProperty("count").GetInt32());

        // From a file, with an unknown patient among them: its requests are errors counted by status, not fatal.
        var file = Path.Combine(Folder, "patients.txt");
        await File.WriteAllLinesAsync(file, [patients[0], "", "p-nobody"]);
        var mixed = await Ohealth("bench", "predict", "--model", Model, "--patients-file", file, "--requests", "10", "--json");
        Ok(mixed);
        var withErrors = JsonDocument.Parse(mixed.Out).RootElement;
        Assert.Equal(5, withErrors.GetProperty("errors").GetInt32());
        Assert.Equal(5, withErrors.GetProperty("errorsByStatus").GetProperty("404").GetInt32());
        Assert.Equal(5, withErrors.GetProperty("latencyMs").GetProperty("count").GetInt32());

        var table = await Ohealth("bench", "predict", "--model", Model, "--patient", patients[1], "--requests", "20");
        Ok(table);
        Assert.Contains("requests/s", table.Out);
        Assert.Contains("p99", table.Out);

        // A wrong model fails before the run, with the exit code of a 404.
        Assert.Equal(3, (await Ohealth("bench", "predict", "--model", "no-such-model", "--patient", patients[0], "--requests", "5")).ExitCode);
    }

    [Fact]
    public async Task BenchPredict_WithoutPatients_ExitsTwo()
    {
        var none = await Ohealth("bench", "predict", "--model", "bench-pima");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--patients-file", none.Error);

        var empty = Path.Combine(Folder, "empty.txt");
        await File.WriteAllTextAsync(empty, "\n\n");
        var fromEmptyFile = await Ohealth("bench", "predict", "--model", "bench-pima", "--patients-file", empty);
        Assert.Equal(2, fromEmptyFile.ExitCode);
        Assert.Contains("no patient ids", fromEmptyFile.Error);

        Assert.Equal(2, (await Ohealth("bench", "predict", "--model", "bench-pima", "--patients-file", Path.Combine(Folder, "missing.txt"))).ExitCode);
    }

    /// <summary>The Pima rows as a source and a small model trained and promoted on them, as CliTests do.</summary>
    private async Task TrainPimaAsync(string model)
    {
        Ok(await Ohealth("sources", "add", "bench-pima", "--format", "csv"));
        Ok(await Ohealth("ingest", Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv"), "--source", "bench-pima", "--format", "tabular"));
        var definition = Path.Combine(Folder, $"{model}.json");
        await File.WriteAllTextAsync(definition, JsonSerializer.Serialize(new
        {
            features = new[] { "Glucose", "BMI", "Age" }.Select(c => new { name = c, kind = "column", source = "bench-pima", code = c }).ToArray(),
            outcome = new { kind = "label", source = "bench-pima", code = "Outcome" },
        }));
        Ok(await Ohealth("models", "define", model, "--file", definition));
        Ok(await Ohealth("models", "train", model, "--trees", "10", "--shards", "2", "--seed", "3"));
        Ok(await Ohealth("models", "promote", model, "--version", "1"));
    }
}
