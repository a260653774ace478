namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>Tests that run silos as separate processes, against their own PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class SiloProcessCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "silo processes";
}
