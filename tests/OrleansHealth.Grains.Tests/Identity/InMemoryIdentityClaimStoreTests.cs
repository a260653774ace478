using OrleansHealth.Grains.Identity;

namespace OrleansHealth.Grains.Tests.Identity;

public sealed class InMemoryIdentityClaimStoreTests
{
    [Fact]
    public async Task Claim_FirstWins_AndFindSeesOnlyClaimedKeys()
    {
        var store = new InMemoryIdentityClaimStore();

        await store.ClaimAsync(new Dictionary<string, string> { ["link:a"] = "P1", ["id:x"] = "P1" });
        var second = await store.ClaimAsync(new Dictionary<string, string> { ["link:b"] = "P2", ["id:x"] = "P2" });

        Assert.Equal(new Dictionary<string, string> { ["link:b"] = "P2", ["id:x"] = "P1" }, second);
        Assert.Equal(new Dictionary<string, string> { ["link:a"] = "P1", ["id:x"] = "P1" }, await store.FindAsync(["link:a", "id:x", "id:never"]));
    }

    [Fact]
    public async Task ConcurrentClaimsOfTheSameKeys_AllLearnOneHolderPerKey()
    {
        var store = new InMemoryIdentityClaimStore();
        var keys = Enumerable.Range(0, 500).Select(i => $"id:{i}").ToList();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(claimant => Task.Run(() =>
            store.ClaimAsync(keys.ToDictionary(k => k, _ => $"P{claimant}")))));

        var stored = await store.FindAsync(keys);
        Assert.All(answers, answer => Assert.Equal(stored, answer));
    }
}
