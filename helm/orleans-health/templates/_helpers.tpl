{{/* Names, labels and checks shared by the templates. */}}

{{/* The chart name, or nameOverride. */}}
{{- define "orleans-health.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Resource name prefix: fullnameOverride, else the release name (with the chart name unless it already contains it). */}}
{{- define "orleans-health.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart-version, for the helm.sh/chart label. */}}
{{- define "orleans-health.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource of the release. */}}
{{- define "orleans-health.commonLabels" -}}
helm.sh/chart: {{ include "orleans-health.chart" . }}
app.kubernetes.io/name: {{ include "orleans-health.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels of the silo resources. */}}
{{- define "orleans-health.labels" -}}
{{ include "orleans-health.commonLabels" . }}
app.kubernetes.io/component: silo
{{- end }}

{{/* Labels that select the silo pods (Deployment, Service, PodDisruptionBudget, ServiceMonitor). */}}
{{- define "orleans-health.selectorLabels" -}}
app.kubernetes.io/name: {{ include "orleans-health.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: silo
{{- end }}

{{/* The silo image reference. */}}
{{- define "orleans-health.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* The silo pods' ServiceAccount. */}}
{{- define "orleans-health.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "orleans-health.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding ConnectionStrings:Postgres. */}}
{{- define "orleans-health.databaseSecretName" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecret }}
{{- else }}
{{- printf "%s-database" (include "orleans-health.fullname" .) }}
{{- end }}
{{- end }}

{{/* The env entry ConnectionStrings__Postgres, from the Secret. */}}
{{- define "orleans-health.connectionStringEnv" -}}
- name: ConnectionStrings__Postgres
  valueFrom:
    secretKeyRef:
      name: {{ include "orleans-health.databaseSecretName" . }}
      key: {{ .Values.database.secretKey }}
{{- end }}

{{/* Refuses to render settings that cannot work. */}}
{{- define "orleans-health.validate" -}}
{{- if and (not .Values.auth.existingSecret) (not .Values.auth.authority) }}
{{- fail "set auth.existingSecret (a Secret with the HS256 signing key) or auth.authority (an OpenID Connect provider): the silos refuse to start without authentication" }}
{{- end }}
{{- if not .Values.privacy.existingSecret }}
{{- fail "set privacy.existingSecret (a Secret with the pseudonym HMAC key): the silos refuse to start without it" }}
{{- end }}
{{- if and (not .Values.database.existingSecret) (not .Values.database.connectionString) }}
{{- fail "set database.existingSecret (a Secret with the Npgsql connection string) or database.connectionString" }}
{{- end }}
{{- $needed := add .Values.shutdown.timeoutSeconds .Values.shutdown.preStopSleepSeconds .Values.shutdown.drainDelaySeconds }}
{{- if le (int .Values.shutdown.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "shutdown.terminationGracePeriodSeconds (%v) must exceed shutdown.preStopSleepSeconds + shutdown.drainDelaySeconds + shutdown.timeoutSeconds (%v)" .Values.shutdown.terminationGracePeriodSeconds $needed) }}
{{- end }}
{{- if and .Values.kubernetesHosting.enabled (not .Values.serviceAccount.create) (not .Values.serviceAccount.name) }}
{{- fail "kubernetesHosting.enabled needs serviceAccount.create or a serviceAccount.name the Role can be bound to" }}
{{- end }}
{{- end }}
