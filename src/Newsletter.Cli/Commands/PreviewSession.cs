// The state behind `newsletter preview`: re-reads the issue, templates and config whenever one of them changes.
using System.Security.Cryptography;
using System.Text;
using Newsletter.Audience;
using Newsletter.Authoring;
using Newsletter.Rendering;

namespace Newsletter.Cli.Commands;

/// <summary>
/// Renders the previewed issue for a chosen subscriber. A version stamp (a hash of the modification times and
/// sizes of the issue file, every template file and the config file) tells the page when to reload; the
/// workspace and renderer are rebuilt only when it changes. Errors are kept and shown instead of the email.
/// </summary>
internal sealed class PreviewSession(string configPath, string issuePath)
{
    private readonly Lock _lock = new();
    private string _version = "";
    private Workspace? _workspace;
    private IssueRenderer? _renderer;
    private Issue? _issue;
    private string? _error;

    public string IssuePath => issuePath;

    /// <summary>The current version stamp of the inputs.</summary>
    public string Version()
    {
        var files = new List<string> { issuePath, configPath };
        var templates = _workspace?.Settings.Templates;
        if (templates is not null && Directory.Exists(templates))
            files.AddRange(Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        var stamp = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            stamp.Append(file).Append(info.Exists ? info.LastWriteTimeUtc.Ticks : 0).Append(info.Exists ? info.Length : -1).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamp.ToString())))[..16];
    }

    /// <summary>The email for <paramref name="email"/> (or the sample subscriber), or the error that stopped it.</summary>
    public (RenderedEmail? Email, string? Error, IReadOnlyList<string> Subscribers) Render(string? email)
    {
        lock (_lock)
        {
            Refresh();
            if (_error is not null || _renderer is null || _workspace is null) return (null, _error, []);
            var subscribers = _workspace.Subscribers.List().Where(s => s.Status == SubscriberStatus.Active).Take(200).ToList();
            var subscriber = subscribers.FirstOrDefault(s => s.Email.Equals(email, StringComparison.OrdinalIgnoreCase)) ?? SampleSubscriber.Instance;
            try
            {
                return (_renderer.Render(subscriber), null, subscribers.Select(s => s.Email).ToList());
            }
            catch (NewsletterException e)
            {
                return (null, e.Message, []);
            }
        }
    }

    /// <summary>The issue title, when it parsed.</summary>
    public string Title => _issue?.Title ?? Path.GetFileName(issuePath);

    private void Refresh()
    {
        var version = Version();
        if (version == _version && _workspace is not null) return;
        try
        {
            _workspace = Workspace.Open(configPath);
            _issue = IssueParser.Load(issuePath);
            var issueId = _workspace.Issues.FindBySlug(_issue.Slug)?.Id ?? 0;
            _renderer = _workspace.Prepare(_issue, issueId);
            _error = null;
        }
        catch (Exception e) when (e is NewsletterException or IOException or InvalidDataException)
        {
            _renderer = null;
            _error = e.Message;
        }
        _version = Version();
    }
}
