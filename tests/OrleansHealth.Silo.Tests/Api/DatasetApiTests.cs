using System.Net;
using System.Text;
using System.Text.Json;
using OrleansHealth.Learning.Features;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>The de-identified export of a model's cohort: Safe Harbor values, both formats, and who may have it.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class DatasetApiTests(EmbeddedSiloFixture fixture)
{
    private const string Source = "dataset-ehr";
    private const string Model = "dataset-onset";

    /// <summary>Two patients: one of 96 in a small ZIP area with every identifier a record can carry, one of 41.</summary>
    private const string Records = """
        {"resourceType":"Patient","id":"ds-old","name":[{"family":"Oldfield","given":["Agatha"]}],"gender":"female","birthDate":"1925-03-14","address":[{"line":["12 Elmwood Street"],"city":"Berlin","state":"NH","postalCode":"03601"}],"telecom":[{"system":"phone","value":"603-555-0101"},{"system":"email","value":"agatha@example.org"}],"identifier":[{"system":"http://hl7.org/fhir/sid/us-ssn","value":"123-45-6789"}]}
        {"resourceType":"Patient","id":"ds-young","name":[{"family":"Youngblood","given":["Bo"]}],"gender":"male","birthDate":"1980-07-30","address":[{"postalCode":"02139"}]}
        {"resourceType":"Observation","id":"ds-o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},"subject":{"reference":"Patient/ds-old"},"effectiveDateTime":"2021-06-01","valueQuantity":{"value":6.1,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}}
        {"resourceType":"Observation","id":"ds-o2","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"4548-4"}]},"subject":{"reference":"Patient/ds-young"},"effectiveDateTime":"2021-09-01","valueQuantity":{"value":5.4,"unit":"%","system":"http://unitsofmeasure.org","code":"%"}}
        {"resourceType":"Condition","id":"ds-c1","subject":{"reference":"Patient/ds-young"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006"}]},"onsetDateTime":"2023-01-05"}
        """;

    private static readonly string[] Identifiers =
        ["Oldfield", "Agatha", "Youngblood", "1925-03-14", "1980-07-30", "03601", "02139", "Elmwood", "Berlin", "603-555-0101", "agatha@", "123-45-6789", "ds-old", "ds-young"];

    private async Task<(string Old, string Young)> PseudonymsAsync()
    {
        (await fixture.Http.PutAsJsonAsync($"/api/sources/{Source}", new { name = "EHR", format = "fhir-ndjson" })).EnsureSuccessStatusCode();
        (await fixture.Http.PostAsync($"/api/sources/{Source}/records", new StringContent(Records, Encoding.UTF8, "application/fhir+ndjson"))).EnsureSuccessStatusCode();
        var definition = new
        {
            features = new object[]
            {
                new { name = "age", kind = "age" },
                new { name = "sex", kind = "sex" },
                new { name = "hba1c", kind = "observation", code = "4548-4" },
            },
            outcome = new { kind = "condition", code = "44054006", system = "http://snomed.info/sct", windowDays = 730 },
            indexDate = "2022-01-01",
        };
        (await fixture.Http.PutAsJsonAsync($"/api/models/{Model}", definition)).EnsureSuccessStatusCode();

        // The export's pseudonyms are the configured key's HMAC of the enterprise ids.
        var pseudonyms = new Pseudonyms(Encoding.UTF8.GetBytes(TestAuth.PseudonymKey));
        async Task<string> PseudonymOf(string localId) => pseudonyms.Of(JsonDocument.Parse(
            await fixture.Http.GetStringAsync($"/api/patients?source={Source}&localId={localId}")).RootElement.GetProperty("patientId").GetString()!);
        return (await PseudonymOf("ds-old"), await PseudonymOf("ds-young"));
    }

    [Fact]
    public async Task Csv_FollowsSafeHarbor_AndCarriesNoIdentifier()
    {
        var (old, young) = await PseudonymsAsync();

        using var response = await fixture.Http.GetAsync($"/api/models/{Model}/dataset");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("pseudonym,sex,ageGroup,birthYear,zip3,referenceYear,age,feature.sex,hba1c,outcome", lines[0]);
        Assert.Contains($"{old},female,90+,,000,2022,90,0,6.1,0", lines);
        Assert.Contains($"{young},male,41,1980,021,2022,41,1,5.4,1", lines);
        Assert.All(Identifiers, identifier => Assert.DoesNotContain(identifier, body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ndjson_HasTheSameRows_WithNumbersAsNumbers()
    {
        var (old, _) = await PseudonymsAsync();

        var body = await fixture.Http.GetStringAsync($"/api/models/{Model}/dataset?format=ndjson");

        var row = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(r => r.GetProperty("pseudonym").GetString() == old);
        Assert.Equal("90+", row.GetProperty("ageGroup").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("birthYear").ValueKind);
        Assert.Equal("000", row.GetProperty("zip3").GetString());
        Assert.Equal(90, row.GetProperty("age").GetDouble());
        Assert.Equal(6.1, row.GetProperty("hba1c").GetDouble(), 5);
        Assert.Equal(0, row.GetProperty("outcome").GetInt32());
    }

    [Fact]
    public async Task AnUnknownModelIs404_AnUnknownFormat400_AndOnlyAnalystsAndAdminsMayExport()
    {
        await PseudonymsAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.GetAsync("/api/models/no-such-model/dataset")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Http.GetAsync($"/api/models/{Model}/dataset?format=xlsx")).StatusCode);

        foreach (var (role, expected) in new[] { (Roles.Analyst, HttpStatusCode.OK), (Roles.Clinician, HttpStatusCode.Forbidden), (Roles.Feed, HttpStatusCode.Forbidden) })
        {
            using var client = TestAuth.Client(fixture.Http.BaseAddress, token: TestAuth.Token([role]));
            Assert.Equal(expected, (await client.GetAsync($"/api/models/{Model}/dataset")).StatusCode);
        }
    }
}
