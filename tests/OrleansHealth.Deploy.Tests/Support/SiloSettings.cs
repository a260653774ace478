using System.Net;
using System.Reflection;
using Orleans.Configuration;
using OrleansHealth.Silo.Hosting;

namespace OrleansHealth.Deploy.Tests.Support;

/// <summary>
/// The settings the silo binds, derived from its code rather than listed by hand:
/// <list type="bullet">
/// <item>every options class in the silo's OrleansHealth assemblies that names its configuration section
/// in a <c>public const string Section</c> (HttpOptions, ClusterHostingOptions, DemoOptions, IngestOptions, …):
/// the section, then each public settable property, nested classes recursed into;</item>
/// <item>the keys <see cref="HostSettings"/> reads directly (<see cref="HostSettings.StorageKey"/>, <see cref="HostSettings.ConnectionStringKey"/>);</item>
/// <item>a few keys bound by other code, each listed below with the test that proves the silo honours it
/// (see SiloBehaviourTests): Orleans' membership options, the host's shutdown timeout, OpenTelemetry's
/// variables, and the downward-API variables read from the process environment.</item>
/// </list>
/// An environment variable maps to a key by replacing <c>__</c> with <c>:</c>; keys compare case-insensitively, as
/// .NET configuration does.
/// </summary>
public static class SiloSettings
{
    /// <summary>Bound by OrleansSiloSetup to ClusterMembershipOptions.</summary>
    public static readonly string MembershipSection = $"{ClusterHostingOptions.Section}:Membership";

    /// <summary>The generic host's HostOptions.ShutdownTimeout, in seconds.</summary>
    public const string ShutdownTimeoutKey = "shutdownTimeoutSeconds";

    /// <summary>The drain after SIGTERM (ShutdownOptions, bound like any options section), as an environment variable.</summary>
    public static readonly string DrainDelayVariable = $"{OrleansHealth.Silo.Shutdown.ShutdownOptions.Section}__{nameof(OrleansHealth.Silo.Shutdown.ShutdownOptions.DrainDelaySeconds)}";

    /// <summary>Read by TelemetrySetup: turns on OTLP export.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Read by the OpenTelemetry SDK's resource detector.</summary>
    public const string ResourceAttributesKey = "OTEL_RESOURCE_ATTRIBUTES";

    /// <summary>Read by HostSettings from the process environment (not from configuration): the Kubernetes downward API.</summary>
    public static readonly IReadOnlySet<string> ProcessEnvironment = new HashSet<string>(StringComparer.Ordinal) { "POD_IP", "POD_NAME" };

    public static int HttpPort => new HttpOptions().Port;

    public static int SiloPort => new ClusterHostingOptions().SiloPort;

    public static int GatewayPort => new ClusterHostingOptions().GatewayPort;

    /// <summary>The options classes found by reflection, with their sections.</summary>
    public static IReadOnlyDictionary<string, Type> OptionSections { get; } = FindOptionSections();

    /// <summary>Every bound configuration key; a key ending in <c>:*</c> stands for any key below it (collections).</summary>
    public static IReadOnlySet<string> ConfigurationKeys { get; } = CollectKeys();

    /// <summary>True when setting environment variable <paramref name="name"/> reaches a setting of the silo.</summary>
    public static bool Binds(string name) =>
        ProcessEnvironment.Contains(name) || BindsConfigurationKey(name.Replace("__", ":", StringComparison.Ordinal));

    public static bool BindsConfigurationKey(string key) =>
        ConfigurationKeys.Any(bound => bound.EndsWith(":*", StringComparison.Ordinal)
            ? key.StartsWith(bound[..^1], StringComparison.OrdinalIgnoreCase) && key.Length > bound.Length - 1
            : string.Equals(bound, key, StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> CollectKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            HostSettings.StorageKey,
            HostSettings.ConnectionStringKey,
            ShutdownTimeoutKey,
            OtlpEndpointKey,
            ResourceAttributesKey,
        };
        foreach (var (section, type) in OptionSections)
        {
            keys.UnionWith(PropertyKeys(type, section, depth: 0));
        }

        keys.UnionWith(PropertyKeys(typeof(ClusterMembershipOptions), MembershipSection, depth: 0));
        return keys;
    }

    private static Dictionary<string, Type> FindOptionSections()
    {
        var result = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in OrleansHealthAssemblies())
        {
            foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
            {
                var field = type.GetField("Section", BindingFlags.Public | BindingFlags.Static);
                if (field is { IsLiteral: true } && field.FieldType == typeof(string))
                {
                    result.Add((string)field.GetRawConstantValue()!, type);
                }
            }
        }

        return result;
    }

    private static IEnumerable<Assembly> OrleansHealthAssemblies()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(SiloProgram).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            yield return assembly;
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("OrleansHealth.", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }
    }

    private static IEnumerable<string> PropertyKeys(Type type, string prefix, int depth)
    {
        if (depth > 5)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                if (property.SetMethod is { IsPublic: true })
                {
                    yield return key;
                }
            }
            else if (typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return key + ":*";
            }
            else if (propertyType.IsClass)
            {
                foreach (var nested in PropertyKeys(propertyType, key, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri) || type == typeof(IPAddress);
}
