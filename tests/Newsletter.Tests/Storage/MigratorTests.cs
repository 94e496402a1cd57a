// Schema version N means the same tables on either engine: the two migration lists must stay twins.
using Newsletter.Storage;

namespace Newsletter.Tests.Storage;

public class MigratorTests
{
    [Test]
    public void Names_BothEngines_AreTheSameMigrationsInTheSameOrder()
    {
        var sqlite = Migrator.Names(StoreKind.Sqlite);
        var postgres = Migrator.Names(StoreKind.Postgres);

        Assert.That(postgres, Is.EqualTo(sqlite));
        Assert.That(sqlite, Has.Count.EqualTo(Migrator.LatestVersion));
        Assert.That(sqlite[0], Is.EqualTo("initial"));
    }
}
