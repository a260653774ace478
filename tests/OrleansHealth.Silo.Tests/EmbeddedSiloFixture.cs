namespace OrleansHealth.Silo.Tests;

/// <summary>One embedded-mode silo shared by the HTTP tests of a collection.</summary>
public sealed class EmbeddedSiloFixture : IAsyncLifetime
{
    private InProcessSilo? _silo;

    public InProcessSilo Silo => _silo ?? throw new InvalidOperationException("not started");

    public HttpClient Http => Silo.Http;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedSiloCollection : ICollectionFixture<EmbeddedSiloFixture>
{
    public const string Name = "embedded silo";
}
