namespace OrleansHealth.Silo.Tests;

/// <summary>Tests that share one throwaway PostgreSQL server; each takes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
