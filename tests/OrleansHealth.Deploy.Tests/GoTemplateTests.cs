namespace OrleansHealth.Deploy.Tests;

/// <summary>The neutraliser the chart tests rely on: if it hid structure, they would check nothing.</summary>
public sealed class GoTemplateTests
{
    private static readonly IReadOnlyDictionary<string, string> Defines = GoTemplate.Defines("""
        {{/* a comment */}}
        {{- define "t.labels" -}}
        app: {{ .Release.Name }}
        {{- if .Values.extra }}
        tier: {{ .Values.tier }}
        {{- end }}
        {{- end }}

        {{- define "t.env" -}}
        - name: A
          value: "1"
        {{- end }}
        """);

    [Fact]
    public void Defines_FindsEachBlock_WithNestedEnds()
    {
        Assert.Equal(["t.labels", "t.env"], Defines.Keys);
        Assert.Contains("tier:", Defines["t.labels"], StringComparison.Ordinal);
    }

    [Fact]
    public void Include_WithNindent_IsReplacedByTheDefineBody_AtThatIndentation()
    {
        var yaml = GoTemplate.Neutralise("""
            metadata:
              labels:
                {{- include "t.labels" . | nindent 4 }}
            """, Defines, values: null);

        var labels = Plain.Map(Yaml.Load(yaml), "metadata", "labels");
        Assert.Equal(["app", "tier"], labels.Keys);
        Assert.Equal(GoTemplate.Placeholder, labels["app"]);
    }

    [Fact]
    public void WholeLineAction_AmongListItems_BecomesAListItem_ElseAMappingEntry()
    {
        var yaml = GoTemplate.Neutralise("""
            env:
              - name: B
                value: x
              {{- toYaml .Values.extraEnv | nindent 2 }}
              {{- include "t.env" . | nindent 2 }}
            resources:
              {{- toYaml .Values.resources | nindent 2 }}
            """, Defines, values: null);

        var document = Yaml.Load(yaml);
        Assert.Equal(["B", null, "A"], Plain.List(document, "env").Select(e => (e as Dictionary<string, object?>)?["name"]));
        Assert.Equal([GoTemplate.Placeholder], Plain.Map(document, "resources").Values);
    }

    [Fact]
    public void Values_AreSubstituted_InlineAndThroughToYaml()
    {
        var values = Yaml.LoadMap("""
            port: 8080
            name: silo
            security:
              runAsUser: 1654
            """);
        var yaml = GoTemplate.Neutralise("""
            {{- if .Values.port }}
            port: {{ .Values.port }}
            quoted: {{ .Values.port | quote }}
            {{- end }}
            image: "{{ .Values.name }}:{{ .Chart.AppVersion }}"
            other: {{ include "x" . }}
            securityContext:
              {{- toYaml .Values.security | nindent 2 }}
            """, Defines, values);

        var document = Yaml.Load(yaml);
        Assert.Equal("8080", Plain.Text(document, "port"));
        Assert.Equal("8080", Plain.Text(document, "quoted"));
        Assert.Equal($"silo:{GoTemplate.Placeholder}", Plain.Text(document, "image"));
        Assert.Equal(GoTemplate.Placeholder, Plain.Text(document, "other"));
        Assert.Equal("1654", Plain.Text(document, "securityContext", "runAsUser"));
    }

    [Fact]
    public void ToYamlOfDot_InsideWithValues_IsTheValue_OrNothingWhenEmpty()
    {
        var values = Yaml.LoadMap("""
            extraEnv:
              - name: X
                value: "1"
            labels: {}
            """);
        var yaml = GoTemplate.Neutralise("""
            env:
              - name: A
                value: a
              {{- with .Values.extraEnv }}
              {{- toYaml . | nindent 2 }}
              {{- end }}
            labels:
              app: x
              {{- with .Values.labels }}
              {{- toYaml . | nindent 2 }}
              {{- end }}
            """, Defines, values);

        var document = Yaml.Load(yaml);
        Assert.Equal(["A", "X"], Plain.Maps(document, "env").Select(e => e["name"]));
        Assert.Equal(["app"], Plain.Map(document, "labels").Keys);
    }

    [Fact]
    public void ValuesPaths_ListsEveryReference()
    {
        Assert.Equal(["a.b", "c", "d.e_f"], GoTemplate.ValuesPaths("{{ .Values.a.b }} {{- with $.Values.c }}{{ toYaml .Values.d.e_f }}"));
    }

    [Fact]
    public void AnActionSpanningLines_IsRejected()
    {
        Assert.Throws<FormatException>(() => GoTemplate.Neutralise("a: {{ .Values.x\n }}\n", Defines, values: null));
    }

    [Fact]
    public void DuplicateKeys_FromBothBranchesOfAnIf_FailTheParse()
    {
        var yaml = GoTemplate.Neutralise("""
            {{- if .Values.a }}
            key: 1
            {{- else }}
            key: 2
            {{- end }}
            """, Defines, values: null);

        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => Yaml.Load(yaml));
    }
}
