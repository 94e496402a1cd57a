// `newsletter subscribers forget EMAIL`: erasure, keeping only a salted hash so the address stays suppressed.
using System.CommandLine;
using Newsletter.Audience;
using Newsletter.Audience.Suppression;

namespace Newsletter.Cli.Commands.Subscribers;

/// <summary>The <c>subscribers forget</c> command.</summary>
internal static class ForgetCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The address to erase" };
        var command = new Command("forget", "Delete all personal data of an address; a salted hash keeps it suppressed") { email };
        command.SetAction((result, _) => CommandRunner.Run(() =>
        {
            var workspace = Workspace.Open(result.GetValue(CommonOptions.Config)!);
            var erasure = new Erasure(workspace.Subscribers, new ErasedAddresses(workspace.Database), workspace.Clock);
            var address = EmailAddress.Normalize(result.GetValue(email)!);
            var found = erasure.Forget(address);
            CliConsole.Out.WriteLine(found
                ? $"{address} was erased: its data, deliveries and votes are deleted; only a salted hash keeps it suppressed."
                : $"{address} was not on the list; its salted hash is recorded so it is never imported or mailed.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
