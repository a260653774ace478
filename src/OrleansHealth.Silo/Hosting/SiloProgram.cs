using System.Net.Sockets;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Hosting;

/// <summary>
/// The process entry point: <c>migrate</c> or run the silo. Every start-up failure ends as one line on
/// stderr and a non-zero exit code (2: a setting to fix, 1: anything else), never a stack trace.
/// </summary>
public static class SiloProgram
{
    public const int ConfigurationError = 2;
    public const int StartFailure = 1;

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        WebApplication? app = null;
        try
        {
            if (args.Length > 0 && args[0] == "migrate")
            {
                return await MigrateCommand.RunAsync(args[1..], cancel.Token);
            }

            if (args.Length > 0 && args[0] is "help" or "--help" or "-h")
            {
                PrintUsage();
                return 0;
            }

            app = await SiloApplication.BuildAsync(args, cancellationToken: cancel.Token);
            await app.StartAsync(cancel.Token);
            var settings = app.Services.GetRequiredService<HostSettings>();
            Console.Out.WriteLine($"OrleansHealth silo '{settings.SiloName}' is up ({settings.Storage} mode): {string.Join(", ", app.Urls)} — clinical dashboard at /ui, Orleans dashboard at /dashboard");
            var token = app.Services.GetRequiredService<DevelopmentCredentials>().Token;
            if (token is not null)
            {
                // Written to the console only, never to the logs: it is a credential.
                Console.Out.WriteLine($"""

                    No credentials are configured, so this embedded silo made a development key. Its token (admin, clinician,
                    analyst; valid 30 days, for this run only):
                      export OHEALTH_TOKEN={token}
                    """);
            }

            await StartupHint.PrintWhenReadyAsync(app, settings, token);
            await app.WaitForShutdownAsync(CancellationToken.None);
            return 0;
        }
        catch (StartupConfigurationException ex)
        {
            Console.Error.WriteLine(ex.ToOneLine());
            return ConfigurationError;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested || StopRequested(app))
        {
            // A stop signal while starting: the start was abandoned on purpose, which is not a failure.
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"error: the silo failed to start: {Describe(ex)}");
            return StartFailure;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    private static bool StopRequested(WebApplication? app) =>
        app?.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested == true;

    private static string Describe(Exception ex)
    {
        var socket = ex as SocketException ?? ex.InnerException as SocketException;
        if (socket?.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return "a port is already in use (check Http:Port, Cluster:SiloPort, Cluster:GatewayPort).";
        }

        // Our own schema check runs first; this catches a schema changed behind a running deployment's back.
        if (ex.Message.StartsWith("Not all required queries found", StringComparison.Ordinal))
        {
            return $"{ex.Message.Split('\n', 2)[0]}; run `migrate` (ConnectionStrings:Postgres).";
        }

        return $"{ex.GetType().Name}: {ex.Message.Split('\n', 2)[0]}";
    }

    private static void PrintUsage() => Console.Out.WriteLine("""
        OrleansHealth silo

          OrleansHealth.Silo                run a silo (embedded mode unless Storage=Postgres)
          OrleansHealth.Silo migrate        apply deploy/sql to ConnectionStrings:Postgres

        Settings (appsettings.json, environment variables with __ for :, or --Key=Value):
          Storage                     Memory (default) | Postgres
          ConnectionStrings:Postgres  Npgsql connection string, required for Postgres
          Http:Port                   8080
          Cluster:SiloPort            11111
          Cluster:GatewayPort         30000
          Cluster:ClusterId           orleans-health
          Cluster:ServiceId           orleans-health
          Cluster:AdvertisedAddress   POD_IP, else the first IPv4 address (loopback when embedded)
          Cluster:SiloName            POD_NAME, else host name and silo port
          Auth:SigningKey             HS256 key (at least 32 bytes) the bearer tokens are signed with
          Auth:Authority              or: an OpenID Connect authority whose keys sign them
          Auth:Issuer, Auth:Audience  orleans-health, orleans-health
          Privacy:PseudonymKey        HMAC key (at least 32 bytes) of pseudonymous ids; required for Postgres, same on every silo
          Tls:CertificatePath, Tls:KeyPath, Tls:TrustedCaPath   mutual TLS on the Orleans ports (off unless set)
          Audit:Directory             ~/.local/share/OrleansHealth/audit (embedded mode; Postgres keeps the trail in its database)
          OTEL_EXPORTER_OTLP_ENDPOINT enables OTLP export of traces, metrics and logs
          Demo:Enabled                load the demo population at start (default: only when embedded)
          Demo:Patients, Demo:Seed    1000, 42
          Ingest:ChunkSize            2000 records resolved and applied per durable round
          Ingest:MaxBodyBytes         4 GiB; Ingest:Limits:* for bundle size, entries, line and field length
          Shutdown:DrainDelaySeconds  5: after SIGTERM/SIGINT, not ready but serving, then stop (a second signal skips it)
          shutdownTimeoutSeconds      30: the stop itself (requests finish, grains hand off, the silo leaves)
        """);
}
