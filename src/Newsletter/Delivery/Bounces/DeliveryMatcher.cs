// Finds the delivery a bounce report is about: VERP token first, then the returned Message-ID, then the recipient.
using System.Data.Common;
using Newsletter.Audience;
using Newsletter.Storage;

namespace Newsletter.Delivery.Bounces;

/// <summary>
/// Ties a report to a delivery in the most reliable way it allows: a VERP token that verifies names the delivery
/// exactly; a returned Message-ID (<c>slug.subscriber@domain</c>) names one delivery too; failing both, the failed
/// recipient's address gives the subscriber and their most recent delivery.
/// </summary>
internal sealed class DeliveryMatcher(VerpAddress? verp)
{
    /// <summary>The match for <paramref name="report"/>, read inside <paramref name="transaction"/>.</summary>
    public DeliveryMatch Match(DbConnection connection, DbTransaction transaction, BounceReport report)
    {
        if (verp is not null && verp.TryVerify(report.VerpToken, out var deliveryId)
            && Read(connection, transaction, "delivery-by-id", "@id", deliveryId, MatchMethod.Verp) is { } byToken)
            return byToken;
        if (report.OriginalMessageId is { } messageId
            && Read(connection, transaction, "delivery-by-message-id", "@message_id", messageId, MatchMethod.MessageId) is { } byId)
            return byId;
        if (EmailAddress.TryNormalize(report.Recipient, out var email, out _)
            && Read(connection, transaction, "latest-delivery-of-email", "@email", email, MatchMethod.Recipient) is { } byEmail)
            return byEmail;
        return DeliveryMatch.None;
    }

    private static DeliveryMatch? Read(DbConnection connection, DbTransaction transaction, string statement, string parameter,
        object value, MatchMethod method)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = command.Connection!.Sql("bounces", statement);
        command.Bind(parameter, value);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new DeliveryMatch(reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2), method);
    }
}
