using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansHealth.Deploy.Tests;

[Collection(SiloFactsCollection.Name)]
public sealed class ChartTests(SiloFacts silo)
{
    private static readonly HelmChart Chart = HelmChart.Default;

    public static TheoryData<string> ChartFiles => new(HelmChart.Default.Files);

    [Theory]
    [MemberData(nameof(ChartFiles))]
    public void EveryChartFile_ParsesAsYaml(string file)
    {
        var text = File.ReadAllText(Path.Combine(Chart.Directory, file));
        if (file is "Chart.yaml" or "values.yaml")
        {
            Assert.NotEmpty(Yaml.LoadMap(text));
        }
        else if (file == "templates/_helpers.tpl")
        {
            Assert.NotEmpty(Chart.Defines);
            foreach (var body in Chart.Defines.Values)
            {
                _ = Yaml.LoadAll(GoTemplate.Neutralise(body, Chart.Defines, Chart.Values()));
            }
        }
        else if (file.StartsWith("templates/", StringComparison.Ordinal) && file.EndsWith(".yaml", StringComparison.Ordinal))
        {
            var template = file["templates/".Length..];
            var documents = Chart.Documents(template);
            Assert.NotEmpty(documents);
            Assert.All(documents, d =>
            {
                Assert.NotEmpty(Plain.Text(d, "apiVersion"));
                Assert.NotEmpty(Plain.Text(d, "kind"));
                Assert.NotEmpty(Plain.Text(d, "metadata", "name"));
            });
            // And with no values at all: every value a placeholder, the structure still YAML.
            Assert.NotEmpty(Yaml.LoadAll(Chart.Neutralised(template, values: null)));
        }
        else
        {
            Assert.Fail($"{file}: the chart should hold only Chart.yaml, values.yaml, templates/*.yaml and templates/_helpers.tpl");
        }
    }

    [Fact]
    public void Chart_IsAnApplicationChartNamedAfterItsFolder()
    {
        var chart = Yaml.LoadMap(File.ReadAllText(Path.Combine(Chart.Directory, "Chart.yaml")));

        Assert.Equal("v2", Plain.Text(chart, "apiVersion"));
        Assert.Equal("application", Plain.Text(chart, "type"));
        Assert.Equal(Path.GetFileName(Chart.Directory), Plain.Text(chart, "name"));
        Assert.Matches(@"^\d+\.\d+\.\d+", Plain.Text(chart, "version"));
        Assert.NotEmpty(Plain.Text(chart, "appVersion"));
    }

    [Fact]
    public void Helpers_LabelsAreMappings_TheConnectionStringIsAnEnvEntryFromTheSecret()
    {
        var values = Chart.Values();
        foreach (var name in new[] { "orleans-health.commonLabels", "orleans-health.labels", "orleans-health.selectorLabels" })
        {
            Assert.NotEmpty(Yaml.LoadMap(GoTemplate.Neutralise(Chart.Defines[name], Chart.Defines, values)));
        }

        var selector = Yaml.LoadMap(GoTemplate.Neutralise(Chart.Defines["orleans-health.selectorLabels"], Chart.Defines, values));
        Assert.Equal("silo", selector["app.kubernetes.io/component"]);
        var env = Assert.Single(Plain.Maps(Yaml.Load(GoTemplate.Neutralise(Chart.Defines["orleans-health.connectionStringEnv"], Chart.Defines, values))));
        Assert.Equal("ConnectionStrings__Postgres", env["name"]);
        Assert.Equal(Plain.Text(values, "database", "secretKey"), Plain.Text(env, "valueFrom", "secretKeyRef", "key"));
    }

    [Fact]
    public void Silo_IsADeployment_ThatRollsWithoutShrinkingTheCluster_AndSaysWhyNotAStatefulSet()
    {
        var deployment = Chart.Document("deployment.yaml");

        Assert.Equal("Deployment", Plain.Text(deployment, "kind"));
        Assert.Equal("0", Plain.Text(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
        Assert.Contains("Deployment, not a StatefulSet", File.ReadAllText(Path.Combine(Chart.Directory, "values.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Silo_ExposesTheCodesPorts_AndTellsTheSiloToUseThem()
    {
        var container = Chart.SiloContainer();
        var ports = Plain.Maps(container, "ports").ToDictionary(p => Plain.Text(p, "name"), p => Plain.Int(p, "containerPort"));
        var env = EnvValues(container);

        Assert.Equal(new Dictionary<string, int> { ["silo"] = SiloSettings.SiloPort, ["gateway"] = SiloSettings.GatewayPort, ["http"] = SiloSettings.HttpPort }, ports);
        Assert.Equal(ports["silo"].ToString(CultureInfo.InvariantCulture), env["Cluster__SiloPort"]);
        Assert.Equal(ports["gateway"].ToString(CultureInfo.InvariantCulture), env["Cluster__GatewayPort"]);
        Assert.Equal(ports["http"].ToString(CultureInfo.InvariantCulture), env["Http__Port"]);
        Assert.Equal("Postgres", env["Storage"]);
    }

    [Fact]
    public void Silo_GetsPodNameNamespaceAndIp_FromTheDownwardApi_AndAdvertisesPodIp()
    {
        var env = Plain.Maps(Chart.SiloContainer(), "env").ToList();

        Assert.Equal("metadata.name", Plain.Text(Plain.Named(env, "POD_NAME"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", Plain.Text(Plain.Named(env, "POD_NAMESPACE"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", Plain.Text(Plain.Named(env, "POD_IP"), "valueFrom", "fieldRef", "fieldPath"));
        // HostSettings prefers Cluster:AdvertisedAddress over POD_IP; the chart must not set it.
        Assert.DoesNotContain(env, e => string.Equals((string?)e["name"], "Cluster__AdvertisedAddress", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("POD_IP", SiloSettings.ProcessEnvironment);
    }

    [Fact]
    public void EveryVariableTheChartSets_IsASettingTheSiloBinds_OrFeedsOneThatIs()
    {
        // Conditional entries render too (every branch is kept); an OTLP endpoint makes their values concrete.
        var values = Chart.Values(("telemetry.otlpEndpoint", "http://collector:4317"));
        var containers = new[]
        {
            Chart.SiloContainer(values),
            Plain.Named(Plain.Maps(Chart.Document("migration-job.yaml", values), "spec", "template", "spec", "containers"), "migrate"),
        };

        foreach (var container in containers)
        {
            var env = Plain.Maps(container, "env").ToList();
            Assert.NotEmpty(env);
            Assert.Contains(env, e => (string?)e["name"] == "ConnectionStrings__Postgres");
            foreach (var entry in env)
            {
                var name = Plain.Text(entry, "name");
                // Kubernetes expands $(NAME) in another variable's value: POD_NAMESPACE feeds OTEL_RESOURCE_ATTRIBUTES.
                var feeds = env.Any(other => SiloSettings.Binds((string)other["name"]!)
                    && other.TryGetValue("value", out var v) && v is string s && s.Contains($"$({name})", StringComparison.Ordinal));
                Assert.True(SiloSettings.Binds(name) || feeds, $"{Plain.Text(container, "name")}: {name} is not a setting of the silo");
            }
        }

        Assert.Contains(Plain.Maps(containers[0], "env"), e => (string?)e["name"] == SiloSettings.OtlpEndpointKey);
    }

    [Theory]
    [InlineData("startupProbe", "startup")]
    [InlineData("readinessProbe", "ready")]
    [InlineData("livenessProbe", "live")]
    public void Probes_AskTheSilosHealthEndpoints_OnItsHttpPort(string probe, string endpoint)
    {
        var container = Chart.SiloContainer();
        var path = Plain.Text(container, probe, "httpGet", "path");

        Assert.Equal($"/health/{endpoint}", path);
        Assert.Contains(path, silo.Routes);
        Assert.Equal("http", Plain.Text(container, probe, "httpGet", "port"));
        Assert.Contains(Plain.Maps(container, "ports"), p => (string?)p["name"] == "http");
    }

    [Fact]
    public void TerminationGracePeriod_ExceedsPreStopPlusDrainPlusTheSilosShutdownTimeout()
    {
        var pod = Plain.Map(Chart.Document("deployment.yaml"), "spec", "template", "spec");
        var container = Chart.SiloContainer();
        var timeout = int.Parse(EnvValues(container)[SiloSettings.ShutdownTimeoutKey], CultureInfo.InvariantCulture);
        var drain = int.Parse(EnvValues(container)[SiloSettings.DrainDelayVariable], CultureInfo.InvariantCulture);
        var preStop = Plain.List(container, "lifecycle", "preStop", "exec", "command").Cast<string>().ToList();

        Assert.Equal("sleep", preStop[0]);
        Assert.True(Plain.Int(pod, "terminationGracePeriodSeconds") > timeout + drain + int.Parse(preStop[1], CultureInfo.InvariantCulture));
        Assert.Contains("drainDelaySeconds", Chart.Defines["orleans-health.validate"], StringComparison.Ordinal);
        // And the chart refuses values that break this rule.
        Assert.Contains("terminationGracePeriodSeconds", Chart.Defines["orleans-health.validate"], StringComparison.Ordinal);
        Assert.Equal("include \"orleans-health.validate\" .", FirstAction(Chart.Raw("deployment.yaml")));
    }

    [Fact]
    public void Silo_RequestsResources()
    {
        var requests = Plain.Map(Chart.SiloContainer(), "resources", "requests");

        Assert.NotEmpty(Plain.Text(requests, "cpu"));
        Assert.NotEmpty(Plain.Text(requests, "memory"));
    }

    [Theory]
    [InlineData("deployment.yaml", "silo")]
    [InlineData("migration-job.yaml", "migrate")]
    public void Pods_RunAsNonRoot_WithoutPrivileges_OnAReadOnlyRoot(string template, string container)
    {
        var pod = Plain.Map(Chart.Document(template), "spec", "template", "spec");
        var security = Plain.Map(Plain.Named(Plain.Maps(pod, "containers"), container), "securityContext");

        Assert.Equal("true", Plain.Text(pod, "securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", Plain.Text(pod, "securityContext", "runAsUser"));
        Assert.Equal("false", Plain.Text(security, "allowPrivilegeEscalation"));
        Assert.Equal("true", Plain.Text(security, "readOnlyRootFilesystem"));
        Assert.Equal(["ALL"], Plain.List(security, "capabilities", "drop"));
        // The only writable mount is /tmp; anything else (the TLS Secret) is read-only.
        var mounts = Plain.Maps(Plain.Named(Plain.Maps(pod, "containers"), container), "volumeMounts").ToList();
        Assert.Equal("/tmp", Plain.Text(Plain.Named(mounts, "tmp"), "mountPath"));
        Assert.All(mounts.Where(m => Plain.Text(m, "name") != "tmp"), m => Assert.Equal("true", Plain.Text(m, "readOnly"), ignoreCase: true));
    }

    [Fact]
    public void ServiceAccountToken_IsMountedOnlyWithKubernetesHosting()
    {
        var off = Chart.Values();
        var on = Chart.Values(("kubernetesHosting.enabled", "true"));

        Assert.Equal("false", Plain.Text(Chart.Document("deployment.yaml", off), "spec", "template", "spec", "automountServiceAccountToken"));
        Assert.Equal("false", Plain.Text(Chart.Document("serviceaccount.yaml", off), "automountServiceAccountToken"));
        Assert.Equal("true", Plain.Text(Chart.Document("deployment.yaml", on), "spec", "template", "spec", "automountServiceAccountToken"));
        Assert.Equal("true", Plain.Text(Chart.Document("serviceaccount.yaml", on), "automountServiceAccountToken"));
        Assert.Equal("false", Plain.Text(Chart.Document("migration-job.yaml", on), "spec", "template", "spec", "automountServiceAccountToken"));
    }

    [Fact]
    public void KubernetesHosting_GetsAMinimalRoleOnPods_BoundToTheSilosServiceAccount()
    {
        var role = Chart.Document("role.yaml");
        var binding = Chart.Document("rolebinding.yaml");
        var rule = Assert.Single(Plain.Maps(role, "rules"));

        Assert.Equal("if .Values.kubernetesHosting.enabled", FirstAction(Chart.Raw("role.yaml")));
        Assert.Equal("if .Values.kubernetesHosting.enabled", FirstAction(Chart.Raw("rolebinding.yaml")));
        Assert.Equal("Role", Plain.Text(role, "kind"));
        Assert.Equal([string.Empty], Plain.List(rule, "apiGroups"));
        Assert.Equal(["pods"], Plain.List(rule, "resources"));
        Assert.Equal(["get", "list", "watch", "patch"], Plain.List(rule, "verbs"));
        Assert.Equal("Role", Plain.Text(binding, "roleRef", "kind"));
        Assert.Equal("ServiceAccount", Plain.Text(Assert.Single(Plain.Maps(binding, "subjects")), "kind"));
    }

    [Fact]
    public void Tls_MountsTheSecretReadOnly_AndPointsTheSiloAtItsFiles()
    {
        var values = Chart.Values(("tls.existingSecret", "silo-tls"));
        var container = Chart.SiloContainer(values);
        var pod = Plain.Map(Chart.Document("deployment.yaml", values), "spec", "template", "spec");
        var env = Plain.Maps(container, "env").ToDictionary(e => Plain.Text(e, "name"), e => Plain.Has(e, "value") ? Plain.Text(e, "value") : "");
        var mount = Plain.Named(Plain.Maps(container, "volumeMounts"), "tls");

        Assert.Equal("silo-tls", Plain.Text(Plain.Named(Plain.Maps(pod, "volumes"), "tls"), "secret", "secretName"));
        Assert.Equal("true", Plain.Text(mount, "readOnly"), ignoreCase: true);
        var directory = Plain.Text(mount, "mountPath");
        Assert.Equal($"{directory}/tls.crt", env["Tls__CertificatePath"]);
        Assert.Equal($"{directory}/tls.key", env["Tls__KeyPath"]);
        Assert.Equal($"{directory}/ca.crt", env["Tls__TrustedCaPath"]);
        Assert.All(env.Keys.Where(k => k.StartsWith("Tls__", StringComparison.Ordinal)), k => Assert.True(SiloSettings.Binds(k), k));

        // Off unless a Secret is named (the default is empty), and without the CA when every silo shares one certificate.
        Assert.Equal("", Plain.Text(Chart.Values(), "tls", "existingSecret"));
        var template = Chart.Raw("deployment.yaml");
        Assert.Equal(3, template.Split("{{- if .Values.tls.existingSecret }}").Length - 1);
        Assert.Contains("{{- if .Values.tls.verifyWithCa }}\n            - name: Tls__TrustedCaPath", template.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void PseudonymKey_ComesFromTheSecretNamed_AndIsRequired()
    {
        var values = Chart.Values(("privacy.existingSecret", "health-privacy"));
        var entry = Plain.Named(Plain.Maps(Chart.SiloContainer(values), "env"), "Privacy__PseudonymKey");

        Assert.Equal("health-privacy", Plain.Text(entry, "valueFrom", "secretKeyRef", "name"));
        Assert.Equal(Plain.Text(values, "privacy", "secretKey"), Plain.Text(entry, "valueFrom", "secretKeyRef", "key"));
        Assert.Contains("if not .Values.privacy.existingSecret", Chart.Defines["orleans-health.validate"], StringComparison.Ordinal);
    }

    [Fact]
    public void DatabaseConnection_ComesFromASecret_ExistingOrCreatedFromValues()
    {
        var values = Chart.Values(("database.existingSecret", "orleans-db"), ("database.secretKey", "dsn"));
        var reference = Plain.Map(Plain.Named(Plain.Maps(Chart.SiloContainer(values), "env"), "ConnectionStrings__Postgres"), "valueFrom", "secretKeyRef");
        var created = Chart.Document("secret.yaml", Chart.Values(("database.connectionString", "Host=db")));

        // The Secret's name is computed by a helper (not evaluated here): the existing one when given,
        // else the created one; the env entry and the created Secret both use that helper.
        const string secretName = "name: {{ include \"orleans-health.databaseSecretName\" . }}";
        Assert.Matches(@"^\s*\{\{- if \.Values\.database\.existingSecret \}\}\s*\{\{- \.Values\.database\.existingSecret \}\}",
            Chart.Defines["orleans-health.databaseSecretName"]);
        Assert.Contains(secretName, Chart.Defines["orleans-health.connectionStringEnv"], StringComparison.Ordinal);
        Assert.Contains(secretName, Chart.Raw("secret.yaml"), StringComparison.Ordinal);
        Assert.Equal("dsn", Plain.Text(reference, "key"));
        Assert.False(Plain.Has(Plain.Named(Plain.Maps(Chart.SiloContainer(values), "env"), "ConnectionStrings__Postgres"), "value"));
        Assert.Equal("if not .Values.database.existingSecret", FirstAction(Chart.Raw("secret.yaml")));
        Assert.Equal("Secret", Plain.Text(created, "kind"));
        Assert.Contains(Plain.Text(Chart.Values(), "database", "secretKey"), Plain.Map(created, "stringData").Keys);
    }

    [Fact]
    public void Migration_IsAPreInstallPreUpgradeHookJob_CreatedAfterItsSecret()
    {
        var job = Chart.Document("migration-job.yaml");
        var secret = Chart.Document("secret.yaml");

        Assert.Equal("Job", Plain.Text(job, "kind"));
        Assert.Equal("if .Values.migration.enabled", FirstAction(Chart.Raw("migration-job.yaml")));
        Assert.Equal("pre-install,pre-upgrade", Plain.Text(job, "metadata", "annotations", "helm.sh/hook"));
        Assert.Equal("pre-install,pre-upgrade", Plain.Text(secret, "metadata", "annotations", "helm.sh/hook"));
        Assert.True(HookWeight(secret) < HookWeight(job), "the Secret must exist before the Job that reads it");
        Assert.Equal("Never", Plain.Text(job, "spec", "template", "spec", "restartPolicy"));
    }

    [Fact]
    public void PodDisruptionBudget_LimitsDisruptionOfTheSilos()
    {
        var budget = Chart.Document("poddisruptionbudget.yaml");
        var deployment = Chart.Document("deployment.yaml");

        Assert.Equal("if .Values.podDisruptionBudget.enabled", FirstAction(Chart.Raw("poddisruptionbudget.yaml")));
        Assert.Equal("true", Plain.Text(Chart.Values(), "podDisruptionBudget", "enabled"));
        Assert.Equal("1", Plain.Text(budget, "spec", "maxUnavailable"));
        Assert.Equal(Plain.Map(deployment, "spec", "selector", "matchLabels"), Plain.Map(budget, "spec", "selector", "matchLabels"));
    }

    [Fact]
    public void Autoscaler_IsOptional_AndScalesTheDeploymentWhoseReplicasItThenOwns()
    {
        var hpa = Chart.Document("hpa.yaml");
        var deploymentLines = Chart.Raw("deployment.yaml").Split('\n').Select(l => l.Trim()).ToList();

        Assert.Equal("if .Values.autoscaling.enabled", FirstAction(Chart.Raw("hpa.yaml")));
        Assert.Equal("false", Plain.Text(Chart.Values(), "autoscaling", "enabled"));
        Assert.Equal("Deployment", Plain.Text(hpa, "spec", "scaleTargetRef", "kind"));
        Assert.Equal("{{- if not .Values.autoscaling.enabled }}", deploymentLines[deploymentLines.FindIndex(l => l.StartsWith("replicas:", StringComparison.Ordinal)) - 1]);
    }

    [Fact]
    public void Service_ForwardsToTheSilosHttpPort_AndSelectsTheSilos()
    {
        var service = Chart.Document("service.yaml");
        var deployment = Chart.Document("deployment.yaml");

        Assert.Equal("http", Plain.Text(Assert.Single(Plain.Maps(service, "spec", "ports")), "targetPort"));
        Assert.Equal(Plain.Map(deployment, "spec", "selector", "matchLabels"), Plain.Map(service, "spec", "selector"));
    }

    [Fact]
    public void Ingress_IsOptional_AndRoutesToTheServicesHttpPort()
    {
        var ingress = Chart.Document("ingress.yaml");
        var backend = Plain.Map(Assert.Single(Plain.Maps(Assert.Single(Plain.Maps(ingress, "spec", "rules")), "http", "paths")), "backend", "service");

        Assert.Equal("if .Values.ingress.enabled", FirstAction(Chart.Raw("ingress.yaml")));
        Assert.Equal("http", Plain.Text(backend, "port", "name"));
    }

    [Fact]
    public void ServiceMonitor_IsOptional_AndScrapesTheSilosMetricsRoute()
    {
        var monitor = Chart.Document("servicemonitor.yaml");
        var endpoint = Assert.Single(Plain.Maps(monitor, "spec", "endpoints"));

        Assert.Equal("if .Values.serviceMonitor.enabled", FirstAction(Chart.Raw("servicemonitor.yaml")));
        Assert.Equal("http", Plain.Text(endpoint, "port"));
        Assert.Contains(Plain.Text(endpoint, "path"), silo.Routes);
        Assert.Equal("/metrics", Plain.Text(endpoint, "path"));
    }

    private static Dictionary<string, string> EnvValues(Dictionary<string, object?> container) =>
        Plain.Maps(container, "env").Where(e => e.ContainsKey("value")).ToDictionary(e => Plain.Text(e, "name"), e => e["value"] as string ?? string.Empty);

    private static int HookWeight(Dictionary<string, object?> resource) =>
        int.Parse(Plain.Text(resource, "metadata", "annotations", "helm.sh/hook-weight"), CultureInfo.InvariantCulture);

    /// <summary>The first action of a template, whitespace and trim markers removed: its guard.</summary>
    private static string FirstAction(string template) =>
        Regex.Replace(Regex.Match(template, @"\{\{-?\s*(?<body>.*?)\s*-?\}\}").Groups["body"].Value, @"\s+", " ");
}
