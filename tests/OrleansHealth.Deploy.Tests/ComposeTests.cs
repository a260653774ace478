using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Deploy.Tests;

[Collection(SiloFactsCollection.Name)]
public sealed class ComposeTests(SiloFacts silo)
{
    private static readonly ComposeFile Compose = ComposeFile.Default;

    [Fact]
    public void HasPostgres_TheMigrateStep_AndThreeSilosOfOneImage()
    {
        Assert.Contains("postgres", Compose.ServiceNames);
        Assert.Equal(["migrate", "silo1", "silo2", "silo3"], Compose.SiloImageServices.Order());
        Assert.Equal(["silo1", "silo2", "silo3"], Compose.Silos);
        Assert.Single(Compose.SiloImageServices.Select(s => Plain.Text(Compose.Service(s), "image")).Distinct());
        Assert.All(Compose.SiloImageServices, s => Assert.Equal(".", Plain.Text(Compose.Service(s), "build", "context")));
    }

    [Fact]
    public void Postgres_HasAPgIsReadyHealthCheck_ForItsOwnUserAndDatabase()
    {
        var postgres = Compose.Service("postgres");
        var environment = Compose.Environment("postgres");
        var test = string.Join(' ', Plain.List(postgres, "healthcheck", "test").Cast<string>());

        Assert.Matches(@"^postgres:1[56](\.|$)", Plain.Text(postgres, "image"));
        Assert.Contains("pg_isready", test, StringComparison.Ordinal);
        Assert.Contains($"-U {environment["POSTGRES_USER"]}", test, StringComparison.Ordinal);
        Assert.Contains($"-d {environment["POSTGRES_DB"]}", test, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_RunsOnce_AfterPostgresIsHealthy()
    {
        var migrate = Compose.Service("migrate");

        Assert.Equal("service_healthy", Plain.Text(migrate, "depends_on", "postgres", "condition"));
        Assert.Equal("no", Plain.Text(migrate, "restart"));
        Assert.Equal(["ConnectionStrings__Postgres"], Compose.Environment("migrate").Keys);
    }

    [Fact]
    public void Silos_WaitForHealthyPostgres_AndACompletedMigration()
    {
        Assert.All(Compose.Silos, s =>
        {
            Assert.Equal("service_healthy", Plain.Text(Compose.Service(s), "depends_on", "postgres", "condition"));
            Assert.Equal("service_completed_successfully", Plain.Text(Compose.Service(s), "depends_on", "migrate", "condition"));
        });
    }

    [Fact]
    public void EveryVariableSetOnTheSiloImage_IsASettingTheSiloBinds()
    {
        var variables = Compose.SiloImageServices.SelectMany(s => Compose.Environment(s).Keys).Distinct().ToList();

        Assert.NotEmpty(variables);
        Assert.All(variables, name => Assert.True(SiloSettings.Binds(name), $"{name} is not a setting of the silo"));
    }

    [Fact]
    public void Silos_ShareOnePseudonymKey_ThatTheOperatorMustSet()
    {
        var keys = Compose.Silos.Select(s => Compose.Environment(s)["Privacy__PseudonymKey"]).Distinct().ToList();

        Assert.StartsWith("${OHEALTH_PSEUDONYM_KEY:?", Assert.Single(keys), StringComparison.Ordinal);
    }

    [Fact]
    public void Silos_ReadAsPostgresModeWithAdoNetClustering_OnTheCodesPorts()
    {
        Assert.All(Compose.Silos, s =>
        {
            var settings = HostSettings.Read(Configuration(Compose.Environment(s)));

            Assert.Equal(StorageMode.Postgres, settings.Storage);
            Assert.Equal(SiloSettings.HttpPort, settings.HttpPort);
            Assert.Equal(SiloSettings.SiloPort, settings.Cluster.SiloPort);
            Assert.Equal(SiloSettings.GatewayPort, settings.Cluster.GatewayPort);
            Assert.Equal("orleans-health", settings.Cluster.ClusterId);
        });
        Assert.Single(Compose.Silos.Select(s => Compose.Environment(s)["Cluster__ServiceId"]).Distinct());
    }

    [Fact]
    public void ConnectionString_PointsAtThePostgresServiceWithItsCredentials()
    {
        var postgres = Compose.Environment("postgres");
        Assert.All(Compose.SiloImageServices, s =>
        {
            var connection = new NpgsqlConnectionStringBuilder(Compose.Environment(s)["ConnectionStrings__Postgres"]);

            Assert.Contains(connection.Host!, Compose.ServiceNames);
            Assert.Equal(5432, connection.Port);
            Assert.Equal(postgres["POSTGRES_DB"], connection.Database);
            Assert.Equal(postgres["POSTGRES_USER"], connection.Username);
            Assert.Equal(postgres["POSTGRES_PASSWORD"], connection.Password);
        });
    }

    [Fact]
    public void ExactlyOneSiloPortIsPublished_AndItIsTheHttpPort()
    {
        var published = Compose.Silos
            .Where(s => Plain.Has(Compose.Service(s), "ports"))
            .SelectMany(s => Plain.List(Compose.Service(s), "ports").Cast<string>().Select(ComposeFile.Interpolate))
            .ToList();

        var mapping = Assert.Single(published).Split(':');
        Assert.Equal(SiloSettings.HttpPort.ToString(CultureInfo.InvariantCulture), mapping[^1]);
        Assert.All(Compose.Silos, s => Assert.Equal(mapping[^1], Compose.Environment(s)["Http__Port"]));
        Assert.False(Plain.Has(Compose.Service("postgres"), "ports"), "PostgreSQL stays inside the compose network");
    }

    [Fact]
    public void StopGracePeriod_ExceedsTheSilosDrainDelayPlusShutdownTimeout()
    {
        Assert.All(Compose.Silos, s =>
        {
            var grace = Plain.Text(Compose.Service(s), "stop_grace_period");
            var environment = Compose.Environment(s);
            var needed = int.Parse(environment[SiloSettings.ShutdownTimeoutKey], CultureInfo.InvariantCulture)
                + int.Parse(environment[SiloSettings.DrainDelayVariable], CultureInfo.InvariantCulture);

            Assert.Matches(@"^\d+s$", grace);
            Assert.True(int.Parse(grace[..^1], CultureInfo.InvariantCulture) > needed, $"{s}: stop_grace_period {grace} <= {needed}s");
        });
    }

    [Fact]
    public void OtelAndPrometheus_AreOptionalProfiles_WhoseConfigFilesExistAndParse()
    {
        foreach (var (service, profile) in new[] { ("otel-collector", "otel"), ("prometheus", "prometheus") })
        {
            Assert.Equal([profile], Plain.List(Compose.Service(service), "profiles"));
            foreach (var volume in Plain.List(Compose.Service(service), "volumes").Cast<string>())
            {
                var file = Path.Combine(RepositoryPaths.Root, volume.Split(':')[0]);
                Assert.True(File.Exists(file), $"{service} mounts {file}, which does not exist");
                Assert.IsType<Dictionary<string, object?>>(Yaml.Load(File.ReadAllText(file)));
            }
        }

        Assert.All(Compose.ServiceNames.Except(["otel-collector", "prometheus"]), s => Assert.False(Plain.Has(Compose.Service(s), "profiles")));
    }

    [Fact]
    public void Prometheus_ScrapesEverySilo_OnItsHttpPort_AtTheSilosMetricsRoute()
    {
        var config = Yaml.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy/observability/prometheus.yml")));
        var job = Plain.Maps(config, "scrape_configs").Single(j => (string?)j["job_name"] == "orleans-health");
        var targets = Plain.Maps(job, "static_configs").SelectMany(c => Plain.List(c, "targets").Cast<string>()).Order();

        Assert.Contains(Plain.Text(job, "metrics_path"), silo.Routes);
        Assert.Equal(Compose.Silos.Select(s => $"{Plain.Text(Compose.Service(s), "hostname")}:{SiloSettings.HttpPort}").Order(), targets);
    }

    [Fact]
    public void OtelCollector_ReceivesOtlpGrpc_WhereTheDocsPointTheSilos()
    {
        var config = Yaml.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy/observability/otel-collector.yaml")));
        var operations = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs/operations.md"));

        Assert.EndsWith(":4317", Plain.Text(config, "receivers", "otlp", "protocols", "grpc", "endpoint"), StringComparison.Ordinal);
        Assert.Contains("OHEALTH_OTLP_ENDPOINT=http://otel-collector:4317", operations, StringComparison.Ordinal);
        Assert.Contains("${OHEALTH_OTLP_ENDPOINT", Plain.Text(Compose.Root, "x-silo-environment", SiloSettings.OtlpEndpointKey), StringComparison.Ordinal);
        Assert.All(new[] { "traces", "metrics", "logs" }, p => Assert.Contains("otlp", Plain.List(config, "service", "pipelines", p, "receivers")));
    }

    private static IConfiguration Configuration(IReadOnlyDictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace("__", ":", StringComparison.Ordinal), kv.Value)))
            .Build();
}
