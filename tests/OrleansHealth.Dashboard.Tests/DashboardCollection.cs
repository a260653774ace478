namespace OrleansHealth.Dashboard.Tests;

/// <summary>The dashboard tests share one silo and one browser, and run one at a time (one of them promotes a version).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
