using OrleansHealth.Clinical.Identity.Keys;
using OrleansHealth.Clinical.Model;

namespace OrleansHealth.Clinical.Identity.Tests.Keys;

public sealed class IdentifierKeysTests
{
    [Fact]
    public void For_Identifier_HashOfSystemAndValue()
    {
        var key = IdentifierKeys.For(new PatientIdentifier(CodeSystems.Ssn, "999175017"), KeyHasher.Unkeyed);

        Assert.Equal(KeyHasher.Unkeyed.Hash("id", CodeSystems.Ssn + "|999175017"), key);
        Assert.DoesNotContain("999175017", key, StringComparison.Ordinal);
    }

    [Fact]
    public void ForSourceRecord_SameLocalIdInTwoSources_DifferentKeys() =>
        Assert.NotEqual(
            IdentifierKeys.ForSourceRecord("ehr-a", "123", KeyHasher.Unkeyed),
            IdentifierKeys.ForSourceRecord("lab-b", "123", KeyHasher.Unkeyed));
}
