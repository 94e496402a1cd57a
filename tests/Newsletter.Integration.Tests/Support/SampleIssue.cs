// A small issue file used by several integration tests.
namespace Newsletter.Integration.Tests.Support;

public static class SampleIssue
{
    public const string Slug = "2026-11-20-resilience";

    public static string Text(string body = "Hi {{ subscriber.first_name | default: 'there' }}, read [this](https://example.com/a).") => $"""
        ---
        title: Résumé of resilience
        subject: "Résumé: failure as a feature ✨"
        preheader: Chaos on purpose
        send_at: 2026-11-20T07:00:00+01:00
        ---
        {body}

        ## Section

        - An item with a [link](https://example.com/b).
        """;
}
