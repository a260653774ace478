using System.Net;
using System.Net.Sockets;
using Npgsql;
using OrleansHealth.Silo.Shutdown;

namespace OrleansHealth.Silo.Hosting;

/// <summary>
/// The validated start-up settings. Reading them is the first thing the host does, so a wrong value
/// fails fast with the name of the key instead of somewhere deep inside Orleans.
/// </summary>
public sealed record HostSettings(
    StorageMode Storage,
    string? PostgresConnectionString,
    int HttpPort,
    ClusterHostingOptions Cluster,
    IPAddress AdvertisedAddress,
    string SiloName,
    ShutdownOptions Shutdown)
{
    public const string StorageKey = "Storage";
    public const string ConnectionStringKey = "ConnectionStrings:Postgres";

    public static HostSettings Read(IConfiguration configuration)
    {
        var storage = ReadStorage(configuration[StorageKey]);
        var http = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        var cluster = configuration.GetSection(ClusterHostingOptions.Section).Get<ClusterHostingOptions>()
            ?? new ClusterHostingOptions();

        RequirePort($"{HttpOptions.Section}:Port", http.Port, allowZero: true);
        RequirePort($"{ClusterHostingOptions.Section}:SiloPort", cluster.SiloPort, allowZero: false);
        RequirePort($"{ClusterHostingOptions.Section}:GatewayPort", cluster.GatewayPort, allowZero: false);
        RequireText($"{ClusterHostingOptions.Section}:ClusterId", cluster.ClusterId);
        RequireText($"{ClusterHostingOptions.Section}:ServiceId", cluster.ServiceId);
        var shutdown = configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions();
        RequireRange($"{ShutdownOptions.Section}:DrainDelaySeconds", shutdown.DrainDelaySeconds, 0, ShutdownOptions.MaxDrainDelaySeconds);

        string? connectionString = null;
        if (storage == StorageMode.Postgres)
        {
            connectionString = configuration.GetConnectionString("Postgres");
            ValidateConnectionString(connectionString);
        }

        var advertised = ResolveAdvertisedAddress(storage, cluster.AdvertisedAddress);
        var siloName = FirstNonEmpty(cluster.SiloName, Environment.GetEnvironmentVariable("POD_NAME"))
            ?? $"{Environment.MachineName}-{cluster.SiloPort}";

        return new HostSettings(storage, connectionString, http.Port, cluster, advertised, siloName, shutdown);
    }

    private static StorageMode ReadStorage(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageMode.Memory;
        }

        return Enum.TryParse<StorageMode>(value.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new StartupConfigurationException(StorageKey,
                $"unknown value '{value}'; use 'Memory' (embedded, the default) or 'Postgres'.");
    }

    private static void ValidateConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupConfigurationException(ConnectionStringKey,
                "Storage=Postgres needs a connection string (environment variable ConnectionStrings__Postgres).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // The message of Npgsql's parser names the bad keyword, never the password.
            throw new StartupConfigurationException(ConnectionStringKey, $"not a valid connection string: {ex.Message}");
        }
    }

    private static IPAddress ResolveAdvertisedAddress(StorageMode storage, string? configured)
    {
        var text = FirstNonEmpty(configured, Environment.GetEnvironmentVariable("POD_IP"));
        if (text is not null)
        {
            return IPAddress.TryParse(text, out var parsed)
                ? parsed
                : throw new StartupConfigurationException($"{ClusterHostingOptions.Section}:AdvertisedAddress",
                    $"'{text}' is not an IP address.");
        }

        if (storage == StorageMode.Memory)
        {
            return IPAddress.Loopback;
        }

        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }

    private static void RequirePort(string key, int port, bool allowZero)
    {
        if (port < (allowZero ? 0 : 1) || port > 65535)
        {
            throw new StartupConfigurationException(key, $"{port} is not a valid TCP port.");
        }
    }

    private static void RequireRange(string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new StartupConfigurationException(key, $"{value} is out of range; use {min} to {max}.");
        }
    }

    private static void RequireText(string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StartupConfigurationException(key, "must not be empty.");
        }
    }

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
