// The name the command goes by in help, usage lines and errors, whatever file runs it.
namespace Newsletter.Cli;

/// <summary>The command's name as people type it: the tool command (<c>ToolCommandName</c> in the project file).</summary>
internal static class CommandName
{
    /// <summary><c>newsletter</c>.</summary>
    public const string Value = "newsletter";
}
