// The check finding for settings a real send refuses: placeholder links and sender.
using Newsletter.Configuration;
using Newsletter.Checks;

namespace Newsletter.Delivery;

/// <summary>
/// Warns (rule <c>placeholder-setting</c>) about each setting <see cref="LiveSendRule"/> would refuse, so the editor
/// learns it at <c>check</c> rather than when the send stops. Only for SMTP and sendmail: the outbox takes anything.
/// </summary>
public static class PlaceholderRule
{
    /// <summary>The rule id of the findings.</summary>
    public const string Rule = "placeholder-setting";

    /// <summary>One warning per setting at fault, naming it; none when the transport is the outbox.</summary>
    /// <param name="settings">The workspace settings.</param>
    /// <param name="configPath">The configuration file, named in the findings.</param>
    public static IEnumerable<CheckFinding> Check(NewsletterSettings settings, string configPath)
    {
        if (!LiveSendRule.IsLive(settings.Transport)) return [];
        return LiveSendRule.Find(settings).Select(p => new CheckFinding(CheckSeverity.Warning, Rule, new SourcePosition(configPath, 0, 0),
            $"'{p.Setting}' {p.Reason}; a send through {settings.Transport} refuses it without {LiveSendRule.ForceOption}"));
    }
}
