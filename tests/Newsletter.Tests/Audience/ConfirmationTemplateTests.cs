// The confirmation email goes to whatever address a stranger typed, so it must not carry what they typed as a name.
using Newsletter.Tests.Rendering;

namespace Newsletter.Tests.Audience;

public class ConfirmationTemplateTests
{
    [TestCase("confirm.html.liquid")]
    [TestCase("confirm.txt.liquid")]
    public void ConfirmTemplate_AsShipped_DoesNotEchoTheSignupName(string name)
    {
        var text = File.ReadAllText(Path.Combine(IssueRendererGoldenTests.RepositoryTemplatesPath(), name));

        Assert.That(text, Does.Not.Match(@"subscriber\.(name|first_name|fields)"));
    }
}
