// Every error message text of the engine, in one place so wording stays consistent and tests can assert it.
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid;

internal static class LiquidErrors
{
    // Lexing and tag structure.
    public const string UnterminatedOutput = "output opened with '{{' is not closed with '}}'";
    public const string UnterminatedTag = "tag opened with '{%' is not closed with '%}'";
    public const string UnterminatedString = "string literal is not closed";
    public const string MissingTagName = "tag has no name";

    public static string UnknownTag(string name) => $"unknown tag '{name}'";

    public static string UnexpectedTag(string name) => $"unexpected tag '{name}'";

    public static string TagNotClosed(string name, string endTag) => $"tag '{name}' is not closed with '{endTag}'";

    public static string TagSyntax(string name, string usage) => $"invalid '{name}' tag, expected {usage}";

    public const string InlineCommentLine = "every line of an inline comment must start with '#'";
    public const string NestedDoc = "'doc' tags cannot be nested";
    public const string RenderNameNotString = "the template name of 'render' must be a quoted string";
    public const string IncludeInRender = "'include' is not allowed inside a partial loaded by 'render'";
    public static string NestingTooDeep(int limit) => $"tags or expressions nested deeper than {limit} levels";

    // Expressions.
    public static string UnexpectedCharacter(char c) => $"unexpected character '{c}'";

    public static string UnexpectedToken(string found, string expected) => $"unexpected {found}, expected {expected}";

    public static string UnknownOperator(string op) => $"unknown operator '{op}'";

    // Filters.
    public static string UnknownFilter(string name) => $"unknown filter '{name}'";

    public static string FilterArity(string name, int min, int max, int given)
    {
        var expected = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        var noun = min == max && min == 1 ? "argument" : "arguments";
        return $"filter '{name}' expects {expected} {noun}, got {given}";
    }

    public static string FilterError(string name, string problem) => $"filter '{name}': {problem}";

    public static string CannotSelectProperty(string key) => $"cannot select the property '{key}'";

    public const string DividedByZero = "divided by 0";
    public const string InvalidInteger = "invalid integer";
    public const string NotAnArray = "expected an array";
    public const string InvalidBase64 = "invalid base64";
    public const string InvalidByteSequence = "invalid byte sequence in UTF-8";

    public static string ComparisonFailed(string leftType, object? right) =>
        $"comparison of {leftType} with {LiquidValues.TypeName(right)} failed";

    public static string CannotSort(string leftType, string rightType) => $"cannot sort {leftType} with {rightType}";

    // Rendering.
    public static string UndefinedVariable(string name) => $"undefined variable '{name}'";

    public static string InvalidLoopArgument(string name) => $"'{name}' must be an integer";

    public static string InvalidRangeBound(object? value) => $"range bound must be an integer, got {LiquidValues.TypeName(value)}";

    public static string LoopLimitExceeded(long limit) => $"loop iteration limit of {limit} exceeded";

    public static string OutputLimitExceeded(long limit) => $"output size limit of {limit} bytes exceeded";

    public static string BuiltLimitExceeded(long limit) => $"strings built by filters exceed the size limit of {limit} bytes";

    public static string PartialDepthExceeded(int limit) => $"partials nested deeper than {limit} levels (recursive render or include?)";

    public static string PartialNotFound(string name) => $"partial '{name}' not found";

    public static string PartialNameNotString(object? value) => $"partial name must be a string, got {LiquidValues.TypeName(value)}";
}
