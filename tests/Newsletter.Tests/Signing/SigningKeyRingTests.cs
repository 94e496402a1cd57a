using Newsletter.Configuration;
using Newsletter.Tests.Support;
using Newsletter.Signing;

namespace Newsletter.Tests.Signing;

[NonParallelizable]
public class SigningKeyRingTests
{
    [TearDown]
    public void ClearEnvironment() => Environment.SetEnvironmentVariable(SigningKeyRing.EnvironmentVariable, null);

    [Test]
    public void Load_EnvironmentKeyUnder32Bytes_NamesTheVariableAndKey()
    {
        Environment.SetEnvironmentVariable(SigningKeyRing.EnvironmentVariable, Convert.ToBase64String(new byte[32]) + "," + Convert.ToBase64String(new byte[16]));

        var error = Assert.Throws<ConfigurationFileException>(() => SigningKeyRing.Load("/nonexistent/key"))!;

        Assert.That(error.Message, Does.StartWith("NEWSLETTER_SIGNING_KEY: key 2 is 16 bytes; signing keys must be at least 32 bytes"));
    }

    [Test]
    public void Load_EnvironmentKeyNotBase64_NamesTheVariable()
    {
        Environment.SetEnvironmentVariable(SigningKeyRing.EnvironmentVariable, "not base64!");

        var error = Assert.Throws<ConfigurationFileException>(() => SigningKeyRing.Load("/nonexistent/key"))!;

        Assert.That(error.Message, Does.StartWith("NEWSLETTER_SIGNING_KEY: key 1 is not valid base64"));
    }

    [Test]
    public void Load_KeyFileWithShortKey_NamesTheFile()
    {
        using var workspace = new TempWorkspace();
        var file = workspace.Write("signing.key", Convert.ToBase64String(new byte[8]) + "\n");

        var error = Assert.Throws<ConfigurationFileException>(() => SigningKeyRing.Load(file))!;

        Assert.That(error.Message, Does.StartWith(file + ": key 1 is 8 bytes"));
    }

    [Test]
    public void Load_Environment32ByteKey_Signs()
    {
        Environment.SetEnvironmentVariable(SigningKeyRing.EnvironmentVariable, Convert.ToBase64String(new byte[32]));

        Assert.That(SigningKeyRing.Load("/nonexistent/key").SigningKeyId, Is.EqualTo(new SigningKeyRing([new byte[32]]).SigningKeyId));
    }
}
