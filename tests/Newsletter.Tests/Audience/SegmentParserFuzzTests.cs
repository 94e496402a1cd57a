// Mutated segment expressions never crash, overflow or hang the lexer, parser and compiler.
using Newsletter.Audience.Segments;
using Newsletter.Tests.Support;

namespace Newsletter.Tests.Audience;

public class SegmentParserFuzzTests
{
    private static readonly string[] Seeds =
    [
        "tag:rust and not tag:beginner",
        "(tag:go or tag:rust) and plan != pro",
        "country != \"New Zealand\" or not (country = \"Aotearoa \\\"NZ\\\"\")",
        "plan = \"\" and tag:a-b.c",
        "NOT Tag:X OR (a = 1 AND b != 2)",
    ];

    private static readonly string[] Dictionary =
        ["(", ")", "not ", " and ", " or ", "tag:", "=", "!=", "!", "\"", "\\", " ", "plan", "tag:x", "\0", "\u00A0", "é", "\uD800"];

    [Test]
    public void Compile_MutatedExpressions_ThrowOnlySegmentException()
    {
        var fuzzer = new Fuzzer(20261202, Dictionary);

        var cases = fuzzer.RunAll(Seeds, text => CompiledSegment.Compile(text, "--segment", _ => true), e => e is SegmentException);

        Assert.That(cases, Is.GreaterThan(Seeds.Length));
    }
}
