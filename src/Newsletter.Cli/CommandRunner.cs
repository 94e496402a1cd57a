// Runs a command body and turns the product's errors into one clear message and an exit code.
using System.Data.Common;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Text;

namespace Newsletter.Cli;

/// <summary>Wraps command bodies so every failure a person can fix prints once, on standard error, with its position.</summary>
internal static class CommandRunner
{
    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (NewsletterException e)
        {
            return Fail(e.Message, ExitCodes.InputError);
        }
        catch (SendBlockedException e)
        {
            return Fail(e.Message, ExitCodes.Busy);
        }
        catch (DbException e)
        {
            // The database was there but could not be used (locked, read-only, full, damaged, unreachable): not the input's fault.
            return Fail(StorageErrors.Describe(e), ExitCodes.Unavailable);
        }
        catch (StorageException e)
        {
            return Fail(e.Message, ExitCodes.Unavailable);
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return Fail(e.Message, ExitCodes.InputError);
        }
    }

    public static Task<int> Run(Func<int> body) => Run(() => Task.FromResult(body()));

    private static int Fail(string message, int code)
    {
        // Messages quote input (a CSV cell, a server's reply); none of it may drive the terminal. Line breaks stay.
        CliConsole.Error.WriteLine("error: " + string.Join('\n', message.Split('\n').Select(DisplayText.ForTerminal)));
        return code;
    }
}
