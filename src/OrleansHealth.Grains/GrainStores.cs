namespace OrleansHealth.Grains;

/// <summary>
/// Names of the grain storage providers the silo registers. The embedded mode backs it with
/// memory, the PostgreSQL mode with Orleans' ADO.NET storage.
/// </summary>
public static class GrainStores
{
    public const string Main = "ohealth";
}
