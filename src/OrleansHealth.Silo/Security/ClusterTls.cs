using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Security;

/// <summary>The silo's certificate and how it judges its peers' (<see cref="ClusterTlsOptions"/>).</summary>
public sealed class ClusterTls
{
    private ClusterTls(X509Certificate2 certificate, X509Certificate2Collection? trustedAuthorities)
    {
        Certificate = certificate;
        TrustedAuthorities = trustedAuthorities;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The authorities peers must chain to; null when peers must present <see cref="Certificate"/> itself.</summary>
    public X509Certificate2Collection? TrustedAuthorities { get; }

    /// <summary>The configured TLS, or null when no certificate is configured. Throws <see cref="StartupConfigurationException"/> for a file that cannot be used.</summary>
    public static ClusterTls? Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return string.IsNullOrWhiteSpace(options.KeyPath) && string.IsNullOrWhiteSpace(options.TrustedCaPath)
                ? null
                : throw new StartupConfigurationException($"{ClusterTlsOptions.Section}:CertificatePath", "a key or a trusted CA is set but no certificate.");
        }

        var certificate = Read($"{ClusterTlsOptions.Section}:CertificatePath", () => LoadCertificate(options));
        if (certificate is null || !certificate.HasPrivateKey)
        {
            throw new StartupConfigurationException($"{ClusterTlsOptions.Section}:KeyPath", $"the certificate {options.CertificatePath} comes without its private key; set Tls:KeyPath.");
        }

        var authorities = string.IsNullOrWhiteSpace(options.TrustedCaPath) ? null : Read($"{ClusterTlsOptions.Section}:TrustedCaPath", () =>
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(options.TrustedCaPath);
            return collection.Count > 0 ? collection : throw new CryptographicException("the file holds no PEM certificate");
        })!;
        return new ClusterTls(certificate, authorities);
    }

    /// <summary>Mutual TLS on the silo and gateway ports, and on the silo's own outbound connections.</summary>
    public void Configure(TlsOptions tls)
    {
        tls.LocalCertificate = Certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (certificate, _, _) => IsTrustedPeer(certificate);
    }

    /// <summary>A peer's certificate is trusted when it chains to a trusted authority, or (without one) is ours.</summary>
    public bool IsTrustedPeer(X509Certificate2 peer)
    {
        if (TrustedAuthorities is null)
        {
            return peer.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(TrustedAuthorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }

    /// <summary>The certificate with its key; null for a PEM certificate whose key is neither inside nor named.</summary>
    private static X509Certificate2? LoadCertificate(ClusterTlsOptions options)
    {
        var path = options.CertificatePath!;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
        }

        if (string.IsNullOrWhiteSpace(options.KeyPath))
        {
            return File.ReadAllText(path).Contains("PRIVATE KEY-----", StringComparison.Ordinal) ? X509Certificate2.CreateFromPemFile(path) : null;
        }

        return X509Certificate2.CreateFromPemFile(path, options.KeyPath);
    }

    private static T? Read<T>(string key, Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // The message names the file and the problem, never a key or a password.
            throw new StartupConfigurationException(key, $"cannot use it: {ex.Message}");
        }
    }
}
