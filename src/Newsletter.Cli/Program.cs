// The `newsletter` process: the command (CliApp) on this process's console, environment and current folder.
using Newsletter.Cli;

return await CliApp.RunAsync(args);
