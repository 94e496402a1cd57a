// The tables a workspace keeps, in the order their foreign keys allow them to be filled.
namespace Newsletter.Storage;

/// <summary>
/// Every table of the schema with the role it plays in a copy between stores: parents before children, so rows can
/// be inserted in this order with the foreign keys on. <c>subscriber_fields</c> is not copied but derived: the
/// schema's triggers rebuild it from <c>subscribers.fields</c>, and its checksum proves they did.
/// </summary>
public static class StoreTables
{
    /// <summary>One table: its name, whether it has a bigint identity <c>id</c>, and whether it is copied or derived.</summary>
    public sealed record Table(string Name, bool HasIdentity, bool Derived = false);

    /// <summary>The tables, parents first.</summary>
    public static IReadOnlyList<Table> All { get; } =
    [
        new("subscribers", HasIdentity: true),
        new("issues", HasIdentity: true),
        new("deliveries", HasIdentity: true),
        new("votes", HasIdentity: false),
        new("vote_history", HasIdentity: true),
        new("send_leases", HasIdentity: false),
        new("subscriber_tags", HasIdentity: false),
        new("subscriber_fields", HasIdentity: false, Derived: true),
        new("erased_addresses", HasIdentity: false),
        new("audience_secrets", HasIdentity: false),
        new("bounces", HasIdentity: true),
        new("unsubscribes", HasIdentity: true),
        new("send_workers", HasIdentity: false),
        new("poll_fetches", HasIdentity: false),
        new("signup_attempts", HasIdentity: false),
    ];
}
