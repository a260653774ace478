using System.Globalization;

namespace OrleansHealth.Clinical.Identity.Resolution;

/// <summary>Ids "{prefix}00000001", "{prefix}00000002", …: predictable, for tests and benchmarks.</summary>
public sealed class SequentialEnterpriseIdFactory(string prefix = "E") : IEnterpriseIdFactory
{
    private long next;

    /// <inheritdoc />
    public string NewId() => prefix + (++next).ToString("D8", CultureInfo.InvariantCulture);
}
