// What the site's endpoints are given: each piece of the workspace they use, registered on its own.
using Microsoft.Extensions.DependencyInjection;
using Newsletter.Audience;
using Newsletter.Audience.Signup;
using Newsletter.Audience.Suppression;
using Newsletter.Delivery.Signup;
using Newsletter.Delivery;
using Newsletter.Delivery.Transports;
using Newsletter.Web.Archive;
using Newsletter.Web.Pages;
using Newsletter.Web.Polls;
using Newsletter.Signing;

namespace Newsletter.Web;

/// <summary>
/// Registers the services of one workspace for the endpoints, as singletons: the settings and newsletter identity,
/// the stores, link and form signing, the time source, and the long-lived parts of the features (poll state, the
/// archive's renderers and published issues, the sign-up service and its throttles, which count in the database
/// when it is shared by several servers and in memory otherwise). An endpoint names what it uses among them, never
/// the whole <see cref="Workspace"/>.
/// </summary>
public static class SiteServices
{
    /// <summary>Adds the services of <paramref name="workspace"/> to <paramref name="services"/>.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="workspace">The workspace served.</param>
    /// <param name="forceLiveSend">
    /// Send sign-up confirmations through SMTP or sendmail even when <see cref="LiveSendRule"/> finds placeholder
    /// settings (<c>serve --force</c>); without it such a confirmation is refused, as <c>send</c> refuses a send.
    /// </param>
    public static IServiceCollection AddSiteServices(this IServiceCollection services, Workspace workspace, bool forceLiveSend = false)
    {
        services.AddSingleton(workspace.Settings);
        services.AddSingleton(workspace.Info);
        services.AddSingleton(workspace.Clock);
        services.AddSingleton(workspace.Subscribers);
        services.AddSingleton(workspace.Votes);
        services.AddSingleton(workspace.Stats);
        services.AddSingleton(workspace.Welcome);
        services.AddSingleton(workspace.Tokens);
        services.AddSingleton(workspace.Links);
        services.AddSingleton(new FormToken(workspace.Keys, workspace.Clock));
        services.AddSingleton(new Unsubscribes(workspace.Database, workspace.Clock));
        services.AddSingleton(SiteLook.From(workspace));
        services.AddSingleton(_ => new PollServices(workspace.Issues, workspace.Database, workspace.Clock));
        services.AddSingleton(new PublishedIssues(workspace.Issues, workspace.Settings.Issues));
        // Built once: an issue page or the feed prepares an issue only when its file or a template has changed.
        services.AddSingleton(new ArchiveRenderers(workspace));
        services.AddSingleton(Signup(workspace, forceLiveSend));
        return services;
    }

    private static SignupService Signup(Workspace workspace, bool forceLiveSend)
    {
        // Errors name the file this run was configured from (--config), where the editor fixes them. A confirmation
        // is mail like any other: with a loopback baseUrl its link would lead nowhere, so the live-send rule holds.
        var mailer = new ConfirmationMailer(workspace.Templates, workspace.Info, workspace.Composer, () =>
        {
            var transport = TransportFactory.Create(workspace.Settings, workspace.Settings.ConfigFile);
            try
            {
                LiveSendRule.Enforce(workspace.Settings, forceLiveSend);
            }
            catch
            {
                transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
                throw;
            }
            return transport;
        });
        return new SignupService(workspace.Subscribers, new ErasedAddresses(workspace.Database), workspace.Tokens,
            workspace.Settings.BaseUrl, mailer,
            perAddress: Throttle(workspace, "address", limit: 3, TimeSpan.FromHours(1)),
            perClient: Throttle(workspace, "client", limit: 20, TimeSpan.FromHours(1)));
    }

    // Several servers on one shared database count together in it; the one server of a SQLite file counts in memory.
    private static ISignupThrottle Throttle(Workspace workspace, string scope, int limit, TimeSpan window) =>
        workspace.Database.IsShared
            ? new SharedSignupThrottle(workspace.Database, workspace.Clock, scope, limit, window)
            : new SignupThrottle(workspace.Clock, limit, window);
}
