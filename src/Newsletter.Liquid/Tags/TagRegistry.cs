// Maps tag names to their parsers.
using System.Collections.Frozen;
using Newsletter.Liquid.Ast;
using Newsletter.Liquid.Parsing;

namespace Newsletter.Liquid.Tags;

internal delegate Node? TagParser(Parser parser, Token tag);

internal static class TagRegistry
{
    private static readonly FrozenDictionary<string, TagParser> Parsers = new Dictionary<string, TagParser>
    {
        ["assign"] = AssignTag.Parse,
        ["capture"] = CaptureTag.Parse,
        ["increment"] = IncrementTag.ParseIncrement,
        ["decrement"] = IncrementTag.ParseDecrement,
        ["if"] = IfTag.ParseIf,
        ["unless"] = IfTag.ParseUnless,
        ["case"] = CaseTag.Parse,
        ["for"] = ForTag.Parse,
        ["tablerow"] = TablerowTag.Parse,
        ["break"] = LoopControlTag.ParseBreak,
        ["continue"] = LoopControlTag.ParseContinue,
        ["cycle"] = CycleTag.Parse,
        ["ifchanged"] = IfChangedTag.Parse,
        ["comment"] = CommentTag.ParseComment,
        ["doc"] = CommentTag.ParseDoc,
        ["#"] = CommentTag.ParseInline,
        ["raw"] = RawTag.Parse,
        ["echo"] = EchoTag.Parse,
        ["liquid"] = LiquidTag.Parse,
        ["include"] = IncludeTag.Parse,
        ["render"] = RenderTag.Parse,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string name, out TagParser parser) => Parsers.TryGetValue(name, out parser!);
}
