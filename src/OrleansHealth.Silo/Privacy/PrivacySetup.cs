using System.Text;
using OrleansHealth.Learning.Features;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Silo.Privacy;

public static class PrivacySetup
{
    /// <summary>
    /// The pseudonym key: configured, or in the embedded mode (whose data lives only as long as the process) the
    /// development key. Outside the embedded mode the silo refuses to start without one, because silos with
    /// different keys would file the same patient under different pseudonyms.
    /// </summary>
    public static IServiceCollection AddPseudonyms(this IServiceCollection services, IConfiguration configuration, HostSettings settings)
    {
        var key = configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>()?.PseudonymKey;
        const string Name = $"{PrivacyOptions.Section}:PseudonymKey";
        if (string.IsNullOrWhiteSpace(key))
        {
            if (settings.Storage != StorageMode.Memory)
            {
                throw new StartupConfigurationException(Name,
                    "set Privacy__PseudonymKey (at least 32 bytes of random text, the same on every silo, kept for the life of the data): " +
                    "the silos pseudonymise learning data with it.");
            }

            services.AddSingleton(Pseudonyms.Development);
            return services;
        }

        var bytes = Encoding.UTF8.GetBytes(key);
        if (bytes.Length < PrivacyOptions.MinimumKeyBytes)
        {
            throw new StartupConfigurationException(Name,
                $"the key is too short; use at least {PrivacyOptions.MinimumKeyBytes} bytes of random text (for example `openssl rand -base64 48`).");
        }

        services.AddSingleton(new Pseudonyms(bytes));
        return services;
    }
}
