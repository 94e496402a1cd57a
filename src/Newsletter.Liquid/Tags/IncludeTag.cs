// {% include 'name' %}: renders a partial in the current scope (assignments inside it remain visible).
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;
using Newsletter.Liquid.Rendering;
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class IncludeTag : Node
{
    private readonly Expression name;
    private readonly PartialArguments arguments;

    private IncludeTag(Expression name, PartialArguments arguments, int offset)
        : base(offset)
    {
        this.name = name;
        this.arguments = arguments;
    }

    public static Node Parse(Parser parser, Token tag)
    {
        var expression = parser.Expression(tag);
        var name = expression.ParsePrimary();
        var arguments = PartialArguments.Parse(parser, expression);
        return new IncludeTag(name, arguments, tag.Offset);
    }

    public override Completion Render(RenderContext context)
    {
        if (context.Isolated)
        {
            throw context.Error(Offset, LiquidErrors.IncludeInRender);
        }

        var nameValue = name.Evaluate(context);
        if (nameValue is not string templateName)
        {
            throw context.Error(name.Offset, LiquidErrors.PartialNameNotString(nameValue));
        }

        var partial = PartialLoader.Load(context, templateName);
        var variableName = arguments.VariableName(templateName);
        object? value;
        if (arguments.Bound is not null)
        {
            value = arguments.Bound.Evaluate(context);
        }
        else
        {
            context.TryGetVariable(templateName, out value);
        }

        PartialLoader.Enter(context);
        var outerSource = context.Source;
        context.PushFrame();
        try
        {
            foreach (var keyword in arguments.Keywords)
            {
                context.SetLocal(keyword.Key, keyword.Value.Evaluate(context));
            }

            context.Source = partial.Source;
            if (Sequences.IsArray(value) && value is not LiquidRange)
            {
                foreach (var item in Sequences.AsList(value)!)
                {
                    context.SetLocal(variableName, item);
                    var completion = partial.Body.Render(context);
                    if (completion != Completion.Normal)
                    {
                        return completion;
                    }
                }

                return Completion.Normal;
            }

            context.SetLocal(variableName, value);
            return partial.Body.Render(context);
        }
        finally
        {
            context.Source = outerSource;
            context.PopFrame();
            PartialLoader.Leave(context);
        }
    }
}
