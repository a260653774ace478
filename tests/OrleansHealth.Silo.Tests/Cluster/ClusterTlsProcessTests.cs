using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace OrleansHealth.Silo.Tests.Cluster;

/// <summary>
/// TLS between silo processes: silos with certificates from the cluster's CA form a cluster and call each other's
/// grains; a silo with a certificate from another CA, or with no TLS at all, does not get in; the silo port does not
/// speak Orleans in the clear.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class ClusterTlsProcessTests(PostgresFixture postgres) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oh-tls-cluster-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task SilosWithTheClustersCertificates_FormACluster_OthersCannotJoin()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        var authority = TestCertificates.Authority("orleans-health-test-ca");
        var (ca, _) = TestCertificates.WritePem(authority, _directory, "ca");

        Dictionary<string, string> Silo(string name, X509Certificate2? certificate)
        {
            var environment = new Dictionary<string, string>
            {
                ["Storage"] = "Postgres",
                ["ConnectionStrings__Postgres"] = database,
                ["Cluster__AdvertisedAddress"] = "127.0.0.1",
                ["Cluster__ClusterId"] = "tls-test",
                ["Cluster__SiloName"] = name,
                ["Logging__LogLevel__Default"] = "Warning",
            };
            if (certificate is not null)
            {
                var (path, key) = TestCertificates.WritePem(certificate, _directory, name);
                environment["Tls__CertificatePath"] = path;
                environment["Tls__KeyPath"] = key;
                environment["Tls__TrustedCaPath"] = ca;
            }

            return environment;
        }

        await using var first = SiloProcess.Start(Silo("silo-1", TestCertificates.IssuedBy(authority, "silo-1")));
        await first.WaitUntilReadyAsync(Deadline);
        await using var second = SiloProcess.Start(Silo("silo-2", TestCertificates.IssuedBy(authority, "silo-2")));
        await second.WaitUntilReadyAsync(Deadline);
        await Eventually.ReturnsAsync(() => SiloStatuses.ReadAsync(first.Http), s => s.Count(x => x.Status == "Active") == 2, Deadline, "two active silos");

        // Grains live on both silos (sources are spread by hash); each is registered through one silo and read through the other.
        for (var i = 0; i < 12; i++)
        {
            (await first.Http.PutAsJsonAsync($"/api/sources/tls-{i}", new { name = $"Feed {i}", format = "csv" })).EnsureSuccessStatusCode();
            Assert.Contains($"Feed {i}", await second.Http.GetStringAsync($"/api/sources/tls-{i}"));
        }

        // The silo port speaks TLS, and completes a handshake only with a certificate from the cluster's CA.
        var port = await SiloPortAsync(first);
        Assert.True(await HandshakeAsync(port, TestCertificates.IssuedBy(authority, "a-peer")));
        Assert.False(await HandshakeAsync(port, TestCertificates.IssuedBy(TestCertificates.Authority("another-ca"), "a-peer")));

        await using var stranger = SiloProcess.Start(Silo("silo-stranger", TestCertificates.IssuedBy(TestCertificates.Authority("another-ca"), "silo-stranger")));
        await using var plain = SiloProcess.Start(Silo("silo-plain", certificate: null));
        await Task.Delay(TimeSpan.FromSeconds(20));

        var view = await SiloStatuses.ReadAsync(first.Http);
        Assert.Equal(["silo-1", "silo-2"], view.Where(s => s.Status == "Active").Select(s => s.Name).Order());
        Assert.Contains($"Feed 3", await second.Http.GetStringAsync("/api/sources/tls-3"));
    }

    private static async Task<int> SiloPortAsync(SiloProcess silo)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await silo.Http.GetStringAsync("/api/cluster"));
        var self = document.RootElement.GetProperty("silos").EnumerateArray().Single(s => s.GetProperty("isSelf").GetBoolean());
        return IPEndPoint.Parse(self.GetProperty("address").GetString()!.Split('@')[0]).Port;
    }

    /// <summary>A TLS handshake with the silo port, presenting <paramref name="certificate"/>: did the silo accept it?</summary>
    private static async Task<bool> HandshakeAsync(int port, X509Certificate2 certificate)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "silo",
                ClientCertificates = [certificate],
            });

            // TLS 1.3 reports a refused client certificate only after the handshake: the silo then closes the connection,
            // while an accepted peer's connection stays open, waiting for the Orleans preamble.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            return await tls.ReadAsync(new byte[1], timeout.Token) > 0;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return false;
        }
    }
}
