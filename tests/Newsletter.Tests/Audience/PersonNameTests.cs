// Given and family names from a display name written in either order.
using Newsletter.Audience;

namespace Newsletter.Tests.Audience;

public class PersonNameTests
{
    [TestCase("Grace Hopper", "Grace", "Hopper")]
    [TestCase("Hopper, Grace", "Grace", "Hopper")]
    [TestCase("  Hopper ,  Grace Brewster ", "Grace", "Hopper")]
    [TestCase("Grace Brewster Murray Hopper", "Grace", "Brewster Murray Hopper")]
    [TestCase("Ludwig van Beethoven", "Ludwig", "van Beethoven")]
    [TestCase("van Beethoven, Ludwig", "Ludwig", "van Beethoven")]
    [TestCase("Ada", "Ada", null)]
    [TestCase("Dr. Grace Hopper", "Grace", "Hopper")]
    [TestCase("Hopper, Dr. Grace", "Grace", "Hopper")]
    [TestCase("Dr. Hopper", null, "Hopper")]
    [TestCase("Martin Luther King, Jr.", "Martin", "Luther King")]
    [TestCase("Hopper, Grace, PhD", "Grace", "Hopper")]
    [TestCase("Grace Hopper, Ph.D.", "Grace", "Hopper")]
    [TestCase("Hopper,", "Hopper", null)]
    [TestCase("毛泽东", "毛泽东", null)]
    [TestCase("", null, null)]
    [TestCase(null, null, null)]
    public void FirstAndLast_EitherOrder_FindTheGivenName(string? name, string? first, string? last)
    {
        Assert.That(PersonName.First(name), Is.EqualTo(first));
        Assert.That(PersonName.Last(name), Is.EqualTo(last));
    }

    [Test]
    public void Subscriber_StoredNameParts_WinOverTheDisplayName()
    {
        var subscriber = new Subscriber(1, "grace@example.com", "Hopper, Grace", new Dictionary<string, string>(), SubscriberStatus.Active)
            { GivenName = "Amazing Grace", FamilyName = "Hopper-Murray" };
        var derived = subscriber with { GivenName = null, FamilyName = null };

        Assert.That((subscriber.FirstName, subscriber.LastName), Is.EqualTo(("Amazing Grace", "Hopper-Murray")));
        Assert.That((derived.FirstName, derived.LastName), Is.EqualTo(("Grace", "Hopper")));
    }
}
