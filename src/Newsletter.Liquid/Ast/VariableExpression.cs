// A variable path such as customer.address["city"] or items[forloop.index0].
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Ast;

internal readonly record struct PathSegment(string? Name, Expression? Index, int Offset);

internal sealed class VariableExpression : Expression
{
    public VariableExpression(string? rootName, Expression? rootIndex, PathSegment[] path, int offset)
        : base(offset)
    {
        RootName = rootName;
        RootIndex = rootIndex;
        Path = path;
    }

    /// <summary>The first identifier, or null when the path starts with a bracket like ["a b"].</summary>
    public string? RootName { get; }

    public Expression? RootIndex { get; }

    public PathSegment[] Path { get; }

    public override object? Evaluate(RenderContext context)
    {
        object? value;
        string name;
        if (RootName is not null)
        {
            name = RootName;
        }
        else
        {
            var key = RootIndex!.Evaluate(context);
            name = key as string ?? Formatting.ToText(key);
        }

        if (!context.TryGetVariable(name, out value))
        {
            return Undefined(context, name, Offset);
        }

        var segments = Path;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            bool found;
            if (segment.Name is not null)
            {
                found = MemberAccess.TryGetMember(value, segment.Name, out value);
            }
            else
            {
                var index = segment.Index!.Evaluate(context);
                found = MemberAccess.TryGetIndex(value, index, out value);
            }

            if (!found)
            {
                return Undefined(context, segment.Name ?? name, segment.Offset);
            }
        }

        return value;
    }

    private static object? Undefined(RenderContext context, string name, int offset)
    {
        if (context.Options.StrictVariables)
        {
            throw context.Error(offset, LiquidErrors.UndefinedVariable(name));
        }

        return null;
    }

    public override string ToString() => RootName ?? "[]";
}
