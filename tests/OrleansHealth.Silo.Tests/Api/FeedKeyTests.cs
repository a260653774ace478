using System.Net;
using System.Text;
using System.Text.Json;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Tests.Api;

/// <summary>Per-feed API keys: made by an admin and shown once, stored hashed, good for the feed's own source only, revocable.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class FeedKeyTests(EmbeddedSiloFixture fixture)
{
    private const string Source = "key-feed";
    private const string OtherSource = "key-other";

    [Fact]
    public async Task AFeedKey_PushesToItsSourceOnly_UntilRevoked()
    {
        foreach (var source in new[] { Source, OtherSource })
        {
            using var registered = await fixture.Http.PutAsJsonAsync($"/api/sources/{source}", new { name = source, format = "fhir-ndjson", trustRank = 50 });
            registered.EnsureSuccessStatusCode();
        }

        using var created = await fixture.Http.PostAsync($"/api/sources/{Source}/keys", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var key = answer.GetProperty("key").GetString()!;
        var keyId = answer.GetProperty("id").GetString()!;
        Assert.StartsWith($"ohk.{Source}.", key);

        using var feed = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        feed.DefaultRequestHeaders.Add(FeedKeys.Header, key);
        Assert.Equal(HttpStatusCode.OK, (await feed.PostAsync($"/api/sources/{Source}/records", Patient("key-p1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feed.PostAsync($"/api/sources/{OtherSource}/records", Patient("key-p2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await feed.GetAsync("/api/sources")).StatusCode);

        // The source's details never show a key or its hash.
        var details = await fixture.Http.GetStringAsync($"/api/sources/{Source}");
        Assert.DoesNotContain(key, details, StringComparison.Ordinal);
        Assert.DoesNotContain(FeedKeys.Hash(key), details, StringComparison.Ordinal);

        using var wrong = new HttpClient { BaseAddress = fixture.Http.BaseAddress };
        wrong.DefaultRequestHeaders.Add(FeedKeys.Header, key[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsync($"/api/sources/{Source}/records", Patient("key-p3"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Http.DeleteAsync($"/api/sources/{Source}/keys/{keyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await feed.PostAsync($"/api/sources/{Source}/records", Patient("key-p4"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Http.DeleteAsync($"/api/sources/{Source}/keys/{keyId}")).StatusCode);
    }

    [Theory]
    [InlineData("ohk.key-feed.")]
    [InlineData("ohk.Not_A_Source.abc")]
    [InlineData("bearer-something")]
    [InlineData("ohk..abc")]
    public void SourceOf_RefusesKeysThatAreNotOurs(string key) => Assert.Null(FeedKeys.SourceOf(key));

    [Fact]
    public void AKey_NamesItsSource_AndTwoKeysDiffer()
    {
        var (first, stored) = FeedKeys.Create("ehr-st-mary", DateTimeOffset.UnixEpoch);
        var (second, _) = FeedKeys.Create("ehr-st-mary", DateTimeOffset.UnixEpoch);

        Assert.Equal("ehr-st-mary", FeedKeys.SourceOf(first));
        Assert.NotEqual(first, second);
        Assert.Equal(FeedKeys.Hash(first), stored.Hash);
        Assert.DoesNotContain(first, stored.Hash, StringComparison.Ordinal);
    }

    private static StringContent Patient(string id) => new(
        $$"""{"resourceType":"Patient","id":"{{id}}","name":[{"family":"Lund","given":["Ebba"]}],"birthDate":"1975-03-09"}""" + "\n",
        Encoding.UTF8, "application/fhir+ndjson");
}
