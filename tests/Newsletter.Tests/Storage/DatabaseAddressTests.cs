// The `database` setting: a SQLite path, or a PostgreSQL URL or connection string whose password never shows.
using Newsletter.Storage;
using Npgsql;

namespace Newsletter.Tests.Storage;

public class DatabaseAddressTests
{
    private static readonly Func<string, string?> NoVariables = _ => null;

    [TestCase("newsletter.db")]
    [TestCase("data/news=letter.db")]
    [TestCase("/srv/newsletter/newsletter.db")]
    public void Parse_Path_IsSqliteAsGiven(string setting)
    {
        var address = DatabaseAddress.Parse(setting, NoVariables);

        Assert.That((address.Kind, address.Value, address.Display), Is.EqualTo((StoreKind.Sqlite, setting, setting)));
    }

    [Test]
    public void Parse_UrlWithUserPasswordPortAndPercentEncoding_DecodesEachPart()
    {
        var address = DatabaseAddress.Parse("postgres://mail%40er:p%3As%40ss%2Fw0rd@db.example:6543/news%20letter?sslmode=require", NoVariables);

        var value = new NpgsqlConnectionStringBuilder(address.Value);
        Assert.Multiple(() =>
        {
            Assert.That(address.Kind, Is.EqualTo(StoreKind.Postgres));
            Assert.That((value.Host, value.Port, value.Database), Is.EqualTo(("db.example", 6543, "news letter")));
            Assert.That((value.Username, value.Password), Is.EqualTo(("mail@er", "p:s@ss/w0rd")));
            Assert.That(value.SslMode, Is.EqualTo(SslMode.Require));
            Assert.That(address.Display, Is.EqualTo("postgres://mail%40er@db.example:6543/news%20letter"));
        });
    }

    [TestCase("postgres://mailer@db.example/newsletter")]
    [TestCase("postgresql://mailer@db.example/newsletter")]
    [TestCase("  postgres://mailer@db.example/newsletter  ")]
    public void Parse_UrlWithoutPort_UsesTheStandardPort(string setting)
    {
        var address = DatabaseAddress.Parse(setting, NoVariables);

        Assert.That(new NpgsqlConnectionStringBuilder(address.Value).Port, Is.EqualTo(5432));
        Assert.That(address.Display, Is.EqualTo("postgres://mailer@db.example:5432/newsletter"));
    }

    [Test]
    public void Parse_ConnectionString_KeepsItsKeysAndShowsAUrl()
    {
        var address = DatabaseAddress.Parse("Host=db.example;Port=6000;Database=newsletter;Username=mailer;Password=s3cret;Timeout=7", NoVariables);

        var value = new NpgsqlConnectionStringBuilder(address.Value);
        Assert.That((address.Kind, value.Host, value.Port, value.Database, value.Username, value.Password, value.Timeout),
            Is.EqualTo((StoreKind.Postgres, "db.example", 6000, "newsletter", "mailer", "s3cret", 7)));
        Assert.That(address.Display, Is.EqualTo("postgres://mailer@db.example:6000/newsletter"));
    }

    [Test]
    public void Parse_NoPasswordInTheSetting_TakesNewsletterVariableBeforePgPassword()
    {
        var both = new Dictionary<string, string> { [DatabaseAddress.PasswordVariable] = "from-newsletter", ["PGPASSWORD"] = "from-pg" };
        var pgOnly = new Dictionary<string, string> { ["PGPASSWORD"] = "from-pg" };

        Assert.Multiple(() =>
        {
            Assert.That(PasswordOf("postgres://mailer@db.example/newsletter", both), Is.EqualTo("from-newsletter"));
            Assert.That(PasswordOf("Host=db.example;Database=newsletter;Username=mailer", both), Is.EqualTo("from-newsletter"));
            Assert.That(PasswordOf("postgres://mailer@db.example/newsletter", pgOnly), Is.EqualTo("from-pg"));
            Assert.That(PasswordOf("postgres://mailer:own@db.example/newsletter", both), Is.EqualTo("own"), "the setting's own password wins");
            Assert.That(PasswordOf("postgres://mailer@db.example/newsletter", new Dictionary<string, string>()), Is.Null);
        });
    }

    [Test]
    public void Parse_EmptyNewsletterVariable_FallsBackToPgPassword()
    {
        var variables = new Dictionary<string, string> { [DatabaseAddress.PasswordVariable] = "", ["PGPASSWORD"] = "from-pg" };

        Assert.That(PasswordOf("postgres://mailer@db.example/newsletter", variables), Is.EqualTo("from-pg"));
    }

    [TestCase("postgres://mailer:hunter2-secret@db.example:5432/newsletter")]
    [TestCase("postgres://mailer@db.example/newsletter")]
    [TestCase("Host=db.example;Database=newsletter;Username=mailer;Password=hunter2-secret")]
    [TestCase("Host=db.example;Database=newsletter;Username=mailer")]
    public void Display_NeverHoldsThePassword(string setting)
    {
        var address = DatabaseAddress.Parse(setting, name => name == "PGPASSWORD" ? "hunter2-secret" : null);

        Assert.That(new NpgsqlConnectionStringBuilder(address.Value).Password, Is.EqualTo("hunter2-secret"));
        Assert.That(address.Display, Does.Not.Contain("hunter2"));
    }

    [TestCase("postgres://mailer:hunter2-secret@db.example", "the PostgreSQL address names no database")]
    [TestCase("Database=newsletter;Password=hunter2-secret;Server=", "the PostgreSQL address names no host")]
    [TestCase("postgres://mailer:hunter2-secret@db.example/newsletter?colour=blue", "the PostgreSQL URL has an option Npgsql does not know: colour")]
    [TestCase("Host=db.example;Database=newsletter;Password=hunter2-secret;Colour=blue", "the PostgreSQL connection string cannot be read")]
    public void Parse_UnreadableAddress_SaysWhyWithoutThePassword(string setting, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseAddress.Parse(setting, NoVariables))!;

        Assert.That(error.Message, Does.StartWith(reason));
        Assert.That(error.Message, Does.Not.Contain("hunter2"));
    }

    [Test]
    public void Open_UnreadableAddress_IsAStorageErrorNamingTheSetting()
    {
        Assert.That(() => Database.Open("postgres://mailer:hunter2-secret@db.example"),
            Throws.TypeOf<StorageException>().With.Message.EqualTo("the 'database' setting: the PostgreSQL address names no database"));
    }

    private static string? PasswordOf(string setting, IReadOnlyDictionary<string, string> variables)
    {
        var password = new NpgsqlConnectionStringBuilder(DatabaseAddress.Parse(setting, name => variables.GetValueOrDefault(name)).Value).Password;
        return string.IsNullOrEmpty(password) ? null : password;
    }
}
