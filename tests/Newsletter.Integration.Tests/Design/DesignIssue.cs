// An issue that uses every block of the default design, for the browser and archive tests.
namespace Newsletter.Integration.Tests.Design;

public static class DesignIssue
{
    public const string Slug = "2026-11-27-design";

    public const string Text = """
        ---
        title: Every block of the default design
        preheader: Callouts, code, tables, images, a sponsor and the poll
        ---
        Hi {{ subscriber.first_name | default: "there" }}, here is everything at once.

        !!! info "Learning from the best"
            These companies did not just solve technical problems; they changed how we build systems.

        ## Resilience

        - **Chaos engineering.** [Principles](https://principlesofchaos.org/) on one page.
        - **Postmortems.** A very long link text that must wrap on a phone: https://sre.google/sre-book/postmortem-culture/and/a/rather/long/path/that/goes/on

        ```csharp
        var renderer = IssueRenderer.Prepare(issue, templates, modelFactory); // a long line of code that must not push the layout wider
        ```

        ```mermaid
        graph LR
          Editor --> Markdown --> Email
        ```

        | Company | Scale | Note |
        | --- | --- | --- |
        | Netflix | 260M+ subscribers | <em>chaos</em> engineering and the Simian Army |
        | Discord | 5M+ concurrent voice users | Elixir |

        <img src="https://news.example.com/chart.png" alt="A chart" width="560" height="200">

        > Hope is not a strategy.

        ::: note
        A note container.
        :::

        ::: sponsor
        **Runbooks that run themselves.** [Try it free](https://example.com/sponsor).
        :::
        """;
}
