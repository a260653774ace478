namespace OrleansHealth.Silo.Security;

/// <summary>
/// TLS on the Orleans ports, silo to silo and the gateway (section <c>Tls</c>). Off unless a certificate is given.
/// Every connection is mutually authenticated: each side presents its certificate, and a peer is accepted when its
/// certificate chains to <see cref="TrustedCaPath"/> or, without one, when it is the very certificate this silo has.
/// Host names are not checked: silos dial each other by IP address.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Tls";

    /// <summary>The silo's certificate: a PEM file (with <see cref="KeyPath"/>, or with the key inside) or a PKCS#12 file (.pfx, .p12).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of a PEM certificate (Kubernetes TLS Secrets: tls.key).</summary>
    public string? KeyPath { get; set; }

    /// <summary>The password of a PKCS#12 file.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A PEM file of the certificate authority (or authorities) peers' certificates must chain to (ca.crt).</summary>
    public string? TrustedCaPath { get; set; }
}
