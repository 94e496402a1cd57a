// Runs a command body and turns the product's errors into one clear message and an exit code.
using System.Data.Common;
using Newsletter.Delivery;
using Newsletter.Storage;
using Newsletter.Text;

namespace Newsletter.Cli;

/// <summary>
/// Wraps command bodies so every failure a person can fix prints once, on standard error, with its position:
/// <see cref="NewsletterException"/> (bad input, <see cref="InputException"/> among them) and <see cref="IOException"/>
/// exit with <see cref="ExitCodes.InputError"/>; an unusable database (<see cref="DbException"/>, <see cref="StorageException"/>) or data read back
/// corrupt (<see cref="InvalidDataException"/>) with <see cref="ExitCodes.Unavailable"/>.
/// </summary>
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
        catch (InvalidDataException e)
        {
            // What the program itself stored or signed reads back corrupt: the database is damaged, not the input.
            return Fail(e.Message, ExitCodes.Unavailable);
        }
        catch (IOException e)
        {
            // A file or folder the person named is missing or unreadable (FileNotFound and DirectoryNotFound are IOExceptions).
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
