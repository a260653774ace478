using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime.Hosting;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansHealth.Grains;
using OrleansHealth.Grains.Identity;
using OrleansHealth.Grains.Learning;
using OrleansHealth.Grains.Persistence;
using OrleansHealth.Silo.Persistence;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Hosting;

/// <summary>Configures the Orleans silo for the chosen runtime mode.</summary>
public static class OrleansSiloSetup
{
    private const string AdoNetInvariant = "Npgsql";

    /// <summary>The name Orleans' ADO.NET grain storage is registered under (the name is not part of the stored rows).</summary>
    private const string AdoNetStorage = "adonet";

    public static void Configure(ISiloBuilder silo, HostSettings settings, IConfiguration configuration, ClusterTls? tls)
    {
        var cluster = settings.Cluster;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ServiceId;
        });
        silo.Configure<SiloOptions>(o => o.SiloName = settings.SiloName);
        // Failure detection and defunct-silo cleanup are tunable, e.g. Cluster__Membership__ProbeTimeout.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{ClusterHostingOptions.Section}:Membership"));
        silo.AddActivityPropagation();
        // Grain state in Orleans' binary format instead of the default Newtonsoft JSON: several times
        // faster for large profiles, and version-tolerant through the [Id]s and [Alias]es of the state types.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        silo.AddDashboard();
        if (tls is not null)
        {
            // Silo-to-silo and gateway connections; the HTTP port is the ingress's (docs/security.md, "Transport").
            silo.UseTls(tls.Configure);
        }

        if (settings.Storage == StorageMode.Memory)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            InProcessGrainStorage.Register(silo.Services, GrainStores.Main);
            silo.UseInMemoryReminderService();
            return;
        }

        var connectionString = settings.PostgresConnectionString!;
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.AdvertisedAddress;
            o.SiloPort = cluster.SiloPort;
            o.GatewayPort = cluster.GatewayPort;
            // Listen on every interface; advertise the one address peers can reach (POD_IP in Kubernetes).
            o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, cluster.GatewayPort);
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        // Grains use GrainStores.Main: Orleans' ADO.NET storage behind a wrapper that makes its errors portable.
        silo.AddAdoNetGrainStorage(AdoNetStorage, o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.Services.AddGrainStorage(GrainStores.Main, (sp, _) => new DatabaseErrorGrainStorage(sp.GetRequiredKeyedService<IGrainStorage>(AdoNetStorage)));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        // Feature partitions, identity claims and identity blocks keep rows in tables of their own (not a grain state each).
        silo.Services.AddSingleton(_ => RowStoreDataSource(connectionString));
        silo.Services.AddSingleton<IFeatureRowStore>(sp => new PostgresFeatureRowStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<Serializer>(), cluster.ServiceId));
        silo.Services.AddSingleton<IIdentityClaimStore>(sp => new PostgresIdentityClaimStore(sp.GetRequiredService<NpgsqlDataSource>(), cluster.ServiceId));
        silo.Services.AddSingleton<IIdentityBlockStore>(sp => new PostgresIdentityBlockStore(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<Serializer>(), cluster.ServiceId));
        silo.AddIncomingGrainCallFilter<DatabaseErrorFilter>();
    }

    /// <summary>Connections of the row stores beside Orleans' own pool; their statements are few and batched.</summary>
    public const int RowStoreConnections = 16;

    /// <summary>
    /// The row stores' pool, separate from the one Orleans' ADO.NET providers keep per connection
    /// string: a silo opens at most the connection string's Maximum Pool Size (default 100) plus
    /// <see cref="RowStoreConnections"/> connections, which docs/operations.md budgets against max_connections.
    /// </summary>
    private static NpgsqlDataSource RowStoreDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxPoolSize = Math.Min(builder.ConnectionStringBuilder.MaxPoolSize, RowStoreConnections);
        return builder.Build();
    }
}
