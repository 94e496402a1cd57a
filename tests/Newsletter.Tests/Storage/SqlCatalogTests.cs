// Storage/Sql/Postgres/ is the whole list of differences: each section there replaces a shared one of the same name.
using Newsletter.Storage;

namespace Newsletter.Tests.Storage;

public class SqlCatalogTests
{
    [Test]
    public void PostgresOverrides_EachReplacesASharedStatement()
    {
        var overrides = SqlCatalog.PostgresOverrides.ToList();

        Assert.That(overrides, Is.Not.Empty);
        Assert.That(overrides.Where(key => !SqlCatalog.HasShared(key)), Is.Empty, "a PostgreSQL section with no shared statement of its name is never reached on SQLite");
    }

    [Test]
    public void Get_OverriddenStatement_DiffersByEngine()
    {
        var key = SqlCatalog.PostgresOverrides.First();
        var (file, name) = (key.Split('/')[0], key.Split('/')[1]);

        Assert.That(SqlCatalog.Get(StoreKind.Postgres, file, name), Is.Not.EqualTo(SqlCatalog.Get(StoreKind.Sqlite, file, name)));
    }

    [Test]
    public void Get_UnknownStatement_NamesTheFile()
    {
        Assert.That(() => SqlCatalog.Get(StoreKind.Postgres, "votes", "no-such-statement"),
            Throws.TypeOf<KeyNotFoundException>().With.Message.EqualTo("no SQL statement 'no-such-statement' in Storage/Sql/votes.sql"));
    }
}
