namespace OrleansHealth.Silo.Persistence;

/// <summary>
/// Every key the ADO.NET clustering, persistence and reminder providers look up in the
/// <c>OrleansQuery</c> table. The silo checks them before Orleans does, so a database that was never
/// migrated is reported as "run migrate" instead of a provider exception.
/// </summary>
public static class OrleansQueryKeys
{
    public static readonly IReadOnlyList<string> Clustering =
    [
        "UpdateIAmAlivetimeKey",
        "InsertMembershipVersionKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "GatewaysQueryKey",
        "MembershipReadRowKey",
        "MembershipReadAllKey",
        "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
        // Optional for the provider (it falls back to the bulk key above) but part of our schema.
        "CleanupDefunctSiloEntryKey",
    ];

    public static readonly IReadOnlyList<string> Persistence =
    [
        "WriteToStorageKey",
        "ReadFromStorageKey",
        "ClearStorageKey",
        // Only used with DeleteStateOnClear=true; installed so that option can be turned on later.
        "DeleteStorageKey",
    ];

    public static readonly IReadOnlyList<string> Reminders =
    [
        "UpsertReminderRowKey",
        "ReadReminderRowsKey",
        "ReadReminderRowKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
    ];

    public static IEnumerable<string> All => Clustering.Concat(Persistence).Concat(Reminders);
}
