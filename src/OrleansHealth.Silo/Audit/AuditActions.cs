namespace OrleansHealth.Silo.Audit;

/// <summary>
/// The audited actions: every read of patient-level data and every change. Names are stable: they are
/// stored in the trail and queried by (<c>GET /api/audit?action=…</c>).
/// </summary>
public static class AuditActions
{
    // Reads of patient-level data.
    public const string PatientRead = "patient.read";
    public const string PatientResolve = "patient.resolve";
    public const string PatientSearch = "patient.search";
    public const string PredictionRead = "prediction.read";
    public const string ExplanationRead = "explanation.read";
    public const string TreatmentsRead = "treatments.read";
    public const string BatchPrediction = "prediction.batch";
    public const string QuarantineRead = "quarantine.read";
    public const string ReviewRead = "review.read";
    public const string HoldoutRead = "holdout.read";
    public const string DatasetExport = "dataset.export";
    public const string AuditRead = "audit.read";

    // Changes.
    public const string RecordsIngest = "records.ingest";
    public const string SourceRegister = "source.register";
    public const string FeedKeyCreate = "feed-key.create";
    public const string FeedKeyRevoke = "feed-key.revoke";
    public const string ModelDefine = "model.define";
    public const string VersionTrain = "version.train";
    public const string VersionCancel = "version.cancel";
    public const string VersionPromote = "version.promote";
}
