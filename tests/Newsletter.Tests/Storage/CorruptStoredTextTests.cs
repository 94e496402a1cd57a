// Text the program stored that reads back as something it never writes is damaged data, not a user's mistake.
using Newsletter.Audience;
using Newsletter.Delivery;
using Newsletter.Delivery.Bounces;
using Newsletter.Storage;

namespace Newsletter.Tests.Storage;

public class CorruptStoredTextTests
{
    [Test]
    public void StoredTimeParse_NotATimestamp_ThrowsInvalidDataExceptionQuotingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => StoredTime.Parse("yesterday"))!;
        Assert.That(error.Message, Is.EqualTo("the database holds 'yesterday' where a timestamp belongs"));
    }

    [Test]
    public void StoredTimeParse_WhatToTextWrote_RoundTrips()
    {
        var time = new DateTimeOffset(2026, 11, 20, 7, 0, 0, 123, TimeSpan.Zero);
        Assert.That(StoredTime.Parse(StoredTime.ToText(time)), Is.EqualTo(time));
    }

    [Test]
    public void SubscriberStatusParse_UnknownText_ThrowsInvalidDataException() =>
        Assert.That(() => SubscriberStatusText.Parse("sleeping"),
            Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("the database holds an unknown subscriber status 'sleeping'"));

    [Test]
    public void DeliveryStatusParse_UnknownText_ThrowsInvalidDataException() =>
        Assert.That(() => DeliveryStatusText.Parse("lost"),
            Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("the database holds an unknown delivery status 'lost'"));

    [Test]
    public void BounceKindParse_UnknownText_ThrowsInvalidDataException() =>
        Assert.That(() => BounceKindText.Parse("medium"),
            Throws.TypeOf<InvalidDataException>().With.Message.EqualTo("the database holds an unknown bounce kind 'medium'"));
}
