using Newsletter.Audience.Segments;

namespace Newsletter.Tests.Audience;

public class SegmentParserTests
{
    [Test]
    public void Parse_NotBindsTighterThanAndThanOr()
    {
        var node = SegmentParser.Parse("tag:a or not tag:b and plan = pro");
        Assert.That(node, Is.EqualTo(new OrCondition(new TagCondition("a"),
            new AndCondition(new NotCondition(new TagCondition("b")), new FieldCondition("plan", "pro", false)))));
    }

    [Test]
    public void Parse_ParenthesesQuotesAndKeywordCase()
    {
        var node = SegmentParser.Parse("(Tag:Rust OR country != \"New Zealand\") AND NOT tag:beginner");
        Assert.That(node, Is.EqualTo(new AndCondition(
            new OrCondition(new TagCondition("rust"), new FieldCondition("country", "New Zealand", true)),
            new NotCondition(new TagCondition("beginner")))));
    }

    [TestCase("", 1, "the segment is empty")]
    [TestCase("tag:rust and", 13, "the expression ends too early")]
    [TestCase("tag:rust and and", 14, "expected tag:NAME")]
    [TestCase("(tag:rust", 10, "expected ')' to close the '(' at column 1")]
    [TestCase("tag:", 1, "'tag:' needs a tag name")]
    [TestCase("plan pro", 1, "'plan' needs a comparison")]
    [TestCase("plan = ", 8, "expected a value after '='")]
    [TestCase("plan = \"pro", 8, "this quoted value has no closing")]
    [TestCase("plan ! pro", 6, "'!' must be followed by '='")]
    [TestCase("tag:rust tag:go", 10, "expected 'and', 'or' or the end")]
    public void Parse_Malformed_ReportsColumn(string text, int column, string reason)
    {
        var error = Assert.Throws<SegmentException>(() => SegmentParser.Parse(text, "--segment"))!;
        Assert.That(error.Position.Column, Is.EqualTo(column));
        Assert.That(error.Reason, Does.StartWith(reason));
        Assert.That(error.Message, Does.StartWith($"--segment(1,{column}): "));
    }

    [Test]
    public void Parse_60000Parentheses_ReportsDepthAtTheFirstTooDeep()
    {
        var text = new string('(', 60_000) + "tag:a" + new string(')', 60_000);

        var error = Assert.Throws<SegmentException>(() => SegmentParser.Parse(text, "--segment"))!;

        Assert.That(error.Reason, Is.EqualTo("the segment nests '(' and 'not' deeper than 50 levels"));
        Assert.That(error.Position.Column, Is.EqualTo(51));
    }

    [Test]
    public void Parse_10000Nots_ReportsDepth()
    {
        var text = string.Concat(Enumerable.Repeat("not ", 10_000)) + "tag:a";

        var error = Assert.Throws<SegmentException>(() => SegmentParser.Parse(text))!;

        Assert.That(error.Reason, Is.EqualTo("the segment nests '(' and 'not' deeper than 50 levels"));
        Assert.That(error.Position.Column, Is.EqualTo(201));
    }

    [Test]
    public void Parse_50Levels_Parses()
    {
        var text = new string('(', 25) + string.Concat(Enumerable.Repeat("not ", 25)) + "tag:a" + new string(')', 25);

        Assert.That(SegmentParser.Parse(text), Is.Not.Null);
    }

    [Test]
    public void Parse_60000Conditions_ReportsTheFirstOverTheLimit()
    {
        var text = string.Join(" or ", Enumerable.Range(0, 60_000).Select(i => "tag:t" + i));

        var error = Assert.Throws<SegmentException>(() => SegmentParser.Parse(text))!;

        Assert.That(error.Reason, Is.EqualTo("the segment has more than 1000 conditions"));
        Assert.That(error.Position.Column, Is.EqualTo(text.IndexOf("tag:t1000 ", StringComparison.Ordinal) + 1));
    }

    [Test]
    public void Compile_FieldNoSubscriberHas_NamesItAtItsColumn()
    {
        var error = Assert.Throws<SegmentException>(() => CompiledSegment.Compile("tag:rust and plna != pro", "--segment", name => name == "plan"))!;

        Assert.That(error.Message, Does.StartWith("--segment(1,14): no subscriber has the field 'plna' and the 'fields' setting does not list it; is it misspelt?"));
    }

    [Test]
    public void Compile_KnownFields_Compiles()
    {
        var segment = CompiledSegment.Compile("plan != pro or (country = x)", "--segment", name => name is "plan" or "country");

        Assert.That(segment.Parameters, Has.Count.GreaterThan(0));
    }

    [Test]
    public void Compile_BindsEveryValue()
    {
        var segment = CompiledSegment.Compile("plan = \"x' OR 1=1 --\" and tag:rust");
        Assert.That(segment.Ids, Does.Not.Contain("OR 1=1"));
        Assert.That(segment.Condition, Does.Not.Contain("OR 1=1"));
        Assert.That(segment.Parameters.Select(p => p.Value), Is.EqualTo(new[] { "plan", "x' OR 1=1 --", "rust" }));
    }
}
