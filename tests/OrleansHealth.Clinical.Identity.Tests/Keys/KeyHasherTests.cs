using System.Text;
using OrleansHealth.Clinical.Identity.Keys;

namespace OrleansHealth.Clinical.Identity.Tests.Keys;

public sealed class KeyHasherTests
{
    [Fact]
    public void Hash_Unkeyed_First80BitsOfSha256InBase32() =>
        Assert.Equal("fy:xj4bnp4pahh6uqkb", KeyHasher.Unkeyed.Hash("fy", "abc"));

    [Fact]
    public void Hash_WithSecret_First80BitsOfHmacSha256InBase32() =>
        Assert.Equal("fy:tfdnvvhab2it7sf6", new KeyHasher(Encoding.UTF8.GetBytes("secret")).Hash("fy", "abc"));

    [Fact]
    public void Hash_LongMaterial_Hashed()
    {
        var key = KeyHasher.Unkeyed.Hash("x", new string('a', 1000));
        Assert.Equal(2 + 16, key.Length);
        Assert.NotEqual(key, KeyHasher.Unkeyed.Hash("x", new string('a', 999)));
    }
}
