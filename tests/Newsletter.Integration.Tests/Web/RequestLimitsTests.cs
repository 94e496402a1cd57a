// A form over the limits gets a page saying so; what is not the form's fault is not answered as if it were.
using System.Net;
using Newsletter.Storage;

namespace Newsletter.Integration.Tests.Web;

public class RequestLimitsTests
{
    private RunningSite _site = null!;

    [OneTimeSetUp]
    public async Task Start() => _site = await RunningSite.StartAsync([("ada@example.com", "Ada"), ("damaged@example.com", "Dan")]);

    [OneTimeTearDown]
    public async Task Stop() => await _site.DisposeAsync();

    [Test]
    public async Task Form_MoreFieldsThanTheLimit_Is400WithAPage()
    {
        var fields = Enumerable.Range(0, Newsletter.Web.RequestLimits.MaxFields + 1).Select(i => ($"f{i}", "x")).ToArray();

        var response = await _site.PostFormAsync($"{_site.BaseUrl}/subscribe", fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("A field of the form is too long"));
    }

    [Test]
    public async Task Unsubscribe_SubscriberRowWithCorruptTimestamp_IsAServerErrorNotAFormError()
    {
        var url = _site.UnsubscribeUrl("damaged@example.com");
        using (var connection = _site.Workspace.Database.Connect())
        {
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE subscribers SET created_at = 'yesterday' WHERE email = $email";
            damage.Bind("$email", "damaged@example.com");
            damage.ExecuteNonQuery();
        }

        var response = await _site.PostFormAsync(url, ("List-Unsubscribe", "One-Click"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
    }
}
