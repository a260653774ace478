using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansHealth.Silo.Api;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>Predictions, explanations, treatments and batch scoring over real HTTP, and their bad input.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class PredictionsApiTests(EmbeddedSiloFixture fixture)
{
    private const string Source = "api-pima-predict";
    private const string Model = "api-pima-predict-model";
    private static readonly string[] Columns = ["Glucose", "BMI", "Age", "Pregnancies"];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The version each call of <see cref="PromotedModelWithPatientAsync"/> promoted last, per model (tests of this class share the silo and may train the same model).</summary>
    private static readonly Dictionary<string, int> Promoted = [];

    private async Task<string> PromotedModelWithPatientAsync(string model = Model)
    {
        (await fixture.Http.PutAsync($"/api/sources/{Source}", JsonContent.Create(new { name = "Pima", format = "csv" }))).EnsureSuccessStatusCode();
        var csv = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SharedData, "ml", "pima_diabetes.csv"));
        (await fixture.Http.PostAsync($"/api/sources/{Source}/records?format=tabular", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var definition = new
        {
            features = Columns.Select(c => new { name = c, kind = "column", source = Source, code = c }).ToArray(),
            outcome = new { kind = "label", source = Source, code = "Outcome" },
        };
        (await fixture.Http.PutAsync($"/api/models/{model}", JsonContent.Create(definition))).EnsureSuccessStatusCode();
        using var train = await fixture.Http.PostAsync($"/api/models/{model}/versions", JsonContent.Create(new { trees = 20, shards = 2, seed = 3 }));
        var location = train.Headers.Location!.ToString();
        await Eventually.ReturnsAsync(async () => JsonDocument.Parse(await fixture.Http.GetStringAsync(location)).RootElement,
            v => v.GetProperty("state").GetString() == "Completed", TimeSpan.FromMinutes(2), "the version to complete");
        (await fixture.Http.PostAsync($"{location}/promote", null)).EnsureSuccessStatusCode();
        lock (Promoted)
        {
            Promoted[model] = int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }

        var link = JsonDocument.Parse(await fixture.Http.GetStringAsync($"/api/patients?source={Source}&localId=row-3")).RootElement;
        return link.GetProperty("patientId").GetString()!;
    }

    [Fact]
    public async Task Prediction_Explanation_AndBatch_AgreeAndAddUp()
    {
        var patientId = await PromotedModelWithPatientAsync();

        // Another test of this class may have promoted an earlier version of the same model: wait for this one.
        var p = await Eventually.ReturnsAsync(
            async () =>
            {
                using var response = await fixture.Http.GetAsync($"/api/patients/{patientId}/predictions/{Model}?top=2");
                return response.StatusCode == HttpStatusCode.OK ? await JsonAsync(response) : (JsonElement?)null;
            },
            r => r?.GetProperty("version").GetInt32() == Promoted[Model], TimeSpan.FromSeconds(20), "the predictor to load the promoted version") ?? default;
        Assert.Equal(2, p.GetProperty("topContributions").GetArrayLength());
        Assert.Equal(183, p.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("feature").GetString() == "Glucose").GetProperty("value").GetDouble());

        var explanation = JsonDocument.Parse(await fixture.Http.GetStringAsync($"/api/patients/{patientId}/explanations/{Model}")).RootElement;
        var sum = explanation.GetProperty("baseValue").GetDouble()
            + explanation.GetProperty("toward").EnumerateArray().Sum(c => c.GetProperty("amount").GetDouble())
            + explanation.GetProperty("against").EnumerateArray().Sum(c => c.GetProperty("amount").GetDouble());
        Assert.Equal(p.GetProperty("probability").GetDouble(), sum, 12);

        // Row 3 of the file as a feature row gives the patient's probability; the patient id line too; order is kept.
        var body = $"{{\"id\":\"a\",\"features\":[183,23.3,32,8]}}\n{{\"patientId\":\"{patientId}\"}}\n{{\"features\":{{\"Glucose\":100}}}}\n";
        using var batch = await fixture.Http.PostAsync($"/api/models/{Model}/predict", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var lines = (await batch.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2, 3], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal("a", lines[0].GetProperty("id").GetString());
        Assert.Equal(p.GetProperty("probability").GetDouble(), lines[0].GetProperty("probability").GetDouble(), 12);
        Assert.Equal(p.GetProperty("probability").GetDouble(), lines[1].GetProperty("probability").GetDouble(), 12);
        Assert.InRange(lines[2].GetProperty("probability").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Batch_OverSeveralBlocks_AnswersEveryLineInOrder_BadOnesInPlace()
    {
        // A model of its own, so that its versions do not move under the other tests.
        const string model = Model + "-blocks";
        var patientId = await PromotedModelWithPatientAsync(model);
        await Eventually.ReturnsAsync(async () => (await fixture.Http.GetAsync($"/api/patients/{patientId}/predictions/{model}")).StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "the predictor to load");

        // Feature rows everywhere; past the first block, bad lines, patient lines and a blank line between them.
        var lines = Enumerable.Range(0, 2 * BatchPredictionApi.BlockRows + 500)
            .Select(i => $"{{\"features\":[{80 + (i % 120)},{20 + (i % 17)},{21 + (i % 50)},{i % 9}]}}").ToArray();
        var bad = new Dictionary<int, string>
        {
            [BatchPredictionApi.BlockRows + 10] = "{\"features\":[1,2]}",
            [BatchPredictionApi.BlockRows + 11] = "{\"features\":[1,\"x\",3,4]}",
            [BatchPredictionApi.BlockRows + 12] = "{\"features\":[1,",
            [BatchPredictionApi.BlockRows + 13] = "{\"patientId\":\"p-doesnotexist0000000000\"}",
            [(2 * BatchPredictionApi.BlockRows) + 1] = $"{{\"patientId\":\"{patientId}\",\"id\":\"pat\"}}",
            [(2 * BatchPredictionApi.BlockRows) + 2] = "  ",
        };
        foreach (var (i, line) in bad)
        {
            lines[i] = line;
        }

        lines[3] = "{\"id\":\"a\",\"features\":{\"glucose\":183,\"BMI\":23.3,\"Age\":32,\"Pregnancies\":8}}";
        using var batch = await fixture.Http.PostAsync($"/api/models/{model}/predict",
            new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal("application/x-ndjson", batch.Content.Headers.ContentType?.MediaType);
        var text = (await batch.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("", text[^1]);
        var answers = text[..^1].Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var numbers = Enumerable.Range(1, lines.Length).Where(n => lines[n - 1].Trim().Length > 0).ToList();
        Assert.Equal(numbers, answers.Select(a => a.GetProperty("line").GetInt32()));
        var byLine = answers.ToDictionary(a => a.GetProperty("line").GetInt32());
        Assert.Equal("the row has 2 values; the active version has 4 features: Glucose, BMI, Age, Pregnancies",
            byLine[BatchPredictionApi.BlockRows + 11].GetProperty("error").GetString());
        Assert.Equal("value 2 ('BMI') is not a number or null", byLine[BatchPredictionApi.BlockRows + 12].GetProperty("error").GetString());
        Assert.StartsWith("not valid JSON: ", byLine[BatchPredictionApi.BlockRows + 13].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("no patient 'p-doesnotexist0000000000' is known", byLine[BatchPredictionApi.BlockRows + 14].GetProperty("error").GetString());
        var patient = byLine[(2 * BatchPredictionApi.BlockRows) + 2];
        Assert.Equal(patientId, patient.GetProperty("patientId").GetString());
        Assert.Equal("pat", patient.GetProperty("id").GetString());
        Assert.Matches("""^\{"line":4,"id":"a","probability":[-+.0-9E]+,"version":1\}$""", text[3]);

        // Every feature row has the probability the predictor gives it alone: the values went to the right rows.
        var rows = numbers.Where(n => !bad.ContainsKey(n - 1)).ToList();
        var values = rows.SelectMany(n => n == 4 ? [183f, 23.3f, 32f, 8f] : JsonDocument.Parse(lines[n - 1]).RootElement.GetProperty("features").EnumerateArray().Select(v => v.GetSingle())).ToArray();
        var predictor = fixture.Silo.App.Services.GetRequiredService<IGrainFactory>().GetGrain<OrleansHealth.Learning.IPredictorGrain>(model);
        var expected = (await predictor.ScoreAsync(values, rows.Count))!.Probabilities;
        Assert.Equal(expected, rows.Select(n => byLine[n].GetProperty("probability").GetDouble()));
        Assert.Equal(patient.GetProperty("probability").GetDouble(), byLine[4].GetProperty("probability").GetDouble(), 12);

        // The same bad line in the first block is the whole answer: a 400, with nothing scored.
        lines[7] = "{\"features\":[1,2]}";
        using var refused = await fixture.Http.PostAsync($"/api/models/{model}/predict",
            new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("line 8: the row has 2 values", (await JsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_GetsA4xx_NeverA500()
    {
        var patientId = await PromotedModelWithPatientAsync();
        await Eventually.ReturnsAsync(async () => (await fixture.Http.GetAsync($"/api/patients/{patientId}/predictions/{Model}")).StatusCode,
            s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "the predictor to load");

        async Task<HttpStatusCode> StatusAsync(HttpResponseMessage response)
        {
            using (response)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                return response.StatusCode;
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await fixture.Http.GetAsync($"/api/patients/p-doesnotexist0000000000/predictions/{Model}")));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await fixture.Http.GetAsync($"/api/patients/{patientId}/predictions/no-such-model")));
        (await fixture.Http.PutAsync("/api/models/api-untrained", JsonContent.Create(new
        {
            features = new[] { new { name = "age", kind = "age" } },
            outcome = new { kind = "label", source = Source, code = "Outcome" },
        }))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(await fixture.Http.GetAsync($"/api/patients/{patientId}/predictions/api-untrained")));
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(await fixture.Http.GetAsync($"/api/patients/{patientId}/treatments/{Model}")));

        var wrongWidth = new StringContent("{\"features\":[1,2]}\n", Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(await fixture.Http.PostAsync($"/api/models/{Model}/predict", wrongWidth)));
        var notNumeric = new StringContent("{\"features\":[\"x\",2,3,4]}\n", Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(await fixture.Http.PostAsync($"/api/models/{Model}/predict", notNumeric)));
        var notJson = new StringContent("{\"features\":[1,\n", Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(await fixture.Http.PostAsync($"/api/models/{Model}/predict", notJson)));
        var wrongType = new StringContent("{}", Encoding.UTF8, "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await StatusAsync(await fixture.Http.PostAsync($"/api/models/{Model}/predict", wrongType)));
        var noModel = new StringContent("{\"features\":[1]}\n", Encoding.UTF8, "application/x-ndjson");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(await fixture.Http.PostAsync("/api/models/no-such-model/predict", noModel)));

        using var ready = await fixture.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
