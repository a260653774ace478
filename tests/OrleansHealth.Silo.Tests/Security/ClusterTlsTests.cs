using Microsoft.Extensions.Configuration;
using OrleansHealth.Silo.Hosting;
using OrleansHealth.Silo.Security;

namespace OrleansHealth.Silo.Tests.Security;

/// <summary>Loading the silo's TLS certificate from files, and whom it trusts.</summary>
public sealed class ClusterTlsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oh-tls-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ClusterTls? Load(params (string Key, string? Value)[] settings) =>
        ClusterTls.Load(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Tls:{s.Key}", s.Value))).Build());

    [Fact]
    public void NoCertificate_MeansNoTls() => Assert.Null(Load());

    [Fact]
    public void APemPair_IsLoadedWithItsKey_AndTrustsOnlyItself()
    {
        var (certificate, key) = TestCertificates.WritePem(TestCertificates.SelfSigned("silo"), _directory, "silo");

        var tls = Load(("CertificatePath", certificate), ("KeyPath", key));

        Assert.NotNull(tls);
        Assert.True(tls.Certificate.HasPrivateKey);
        Assert.True(tls.IsTrustedPeer(tls.Certificate));
        Assert.False(tls.IsTrustedPeer(TestCertificates.SelfSigned("silo")));
    }

    [Fact]
    public void APkcs12File_IsLoadedWithItsPassword()
    {
        var path = Path.Combine(Directory.CreateDirectory(_directory).FullName, "silo.pfx");
        File.WriteAllBytes(path, TestCertificates.SelfSigned("silo").Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "p4ss"));

        Assert.True(Load(("CertificatePath", path), ("CertificatePassword", "p4ss"))!.Certificate.HasPrivateKey);
        var wrong = Assert.Throws<StartupConfigurationException>(() => Load(("CertificatePath", path), ("CertificatePassword", "nope")));
        Assert.DoesNotContain("nope", wrong.Message);
    }

    [Fact]
    public void WithATrustedCa_PeersItIssuedAreTrusted_OthersNot()
    {
        var authority = TestCertificates.Authority("cluster-ca");
        var (certificate, key) = TestCertificates.WritePem(TestCertificates.IssuedBy(authority, "silo-1"), _directory, "silo-1");
        var (ca, _) = TestCertificates.WritePem(authority, _directory, "ca");

        var tls = Load(("CertificatePath", certificate), ("KeyPath", key), ("TrustedCaPath", ca))!;

        Assert.True(tls.IsTrustedPeer(TestCertificates.IssuedBy(authority, "silo-2")));
        Assert.False(tls.IsTrustedPeer(TestCertificates.IssuedBy(TestCertificates.Authority("cluster-ca"), "silo-2")));
        Assert.False(tls.IsTrustedPeer(TestCertificates.SelfSigned("silo-2")));
    }

    [Fact]
    public void UnusableFiles_StopTheStart_NamingTheSetting()
    {
        var (certificate, _) = TestCertificates.WritePem(TestCertificates.SelfSigned("silo"), _directory, "silo");

        Assert.Equal("Tls:CertificatePath", Assert.Throws<StartupConfigurationException>(() => Load(("CertificatePath", "/nonexistent/silo.crt"))).Setting);
        Assert.Equal("Tls:KeyPath", Assert.Throws<StartupConfigurationException>(() => Load(("CertificatePath", certificate))).Setting);
        Assert.Equal("Tls:TrustedCaPath", Assert.Throws<StartupConfigurationException>(() =>
            Load(("CertificatePath", certificate), ("KeyPath", Path.Combine(_directory, "silo.key")), ("TrustedCaPath", Path.Combine(_directory, "silo.key")))).Setting);
        Assert.Equal("Tls:CertificatePath", Assert.Throws<StartupConfigurationException>(() => Load(("TrustedCaPath", certificate))).Setting);
    }
}
