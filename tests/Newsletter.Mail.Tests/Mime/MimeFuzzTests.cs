// Randomised round trips: many messages with hostile Unicode, whitespace and line breaks, read by the strict parser.
using System.Text;
using System.Text.Json;
using Newsletter.Mail.Mime;
using Newsletter.Mail.Tests.Support;

namespace Newsletter.Mail.Tests.Mime;

[TestFixture]
public sealed class MimeFuzzTests
{
    private static readonly string[] Pools =
    [
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        " ",
        "\t",
        "\"\\()<>,;:@=?_.!#$%&'*+-/[]^`{|}~",
        "äöüßéèêçñøåÆŒ№€£",
        "日本語のテキスト中文字符한국어",
        "Русский текст Ελληνικά",
        "עברית العربية",
        "\u0301\u0308\u200D\uFE0F",
        "🎉👨‍👩‍👧😀🇩🇪",
        "=?utf-8?Q?=3F?=",
    ];

    private static string RandomText(Random random, int maxLength, bool lineBreaks)
    {
        int length = random.Next(0, maxLength);
        var text = new StringBuilder();
        while (text.Length < length)
        {
            if (lineBreaks && random.Next(12) == 0)
            {
                text.Append(random.Next(3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" });
                continue;
            }

            string pool = Pools[random.Next(Pools.Length)];
            var elements = System.Globalization.StringInfo.GetTextElementEnumerator(pool);
            var list = new List<string>();
            while (elements.MoveNext())
            {
                list.Add(elements.GetTextElement());
            }

            int runLength = random.Next(1, 12);
            for (int i = 0; i < runLength; i++)
            {
                text.Append(list[random.Next(list.Count)]);
            }
        }

        return text.ToString();
    }

    private static string? RandomName(Random random)
    {
        string name = RandomText(random, 40, lineBreaks: false);
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    [Test]
    public void Write_RandomMessages_StrictParserRecoversEveryField([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var messages = new List<EmailMessage>();
        for (int i = 0; i < 60; i++)
        {
            bool html = random.Next(2) == 0;
            messages.Add(new EmailMessage
            {
                From = new MailAddress($"from{i}@bücher.example", RandomName(random)),
                To = [new MailAddress($"to{i}@example.org", RandomName(random)), new MailAddress($"cc{i}@例え.テスト", RandomName(random))],
                Subject = RandomText(random, 200, lineBreaks: false),
                MessageId = $"fuzz.{seed}.{i}@example.com",
                TextBody = RandomText(random, 2000, lineBreaks: true),
                HtmlBody = html ? RandomText(random, 2000, lineBreaks: true) : null,
                InlineResources = html ? [new InlineResource($"r{i}@example.com", "application/octet-stream", Encoding.UTF8.GetBytes(RandomText(random, 300, true)), RandomName(random))] : [],
            });
        }

        var bytes = messages.Select(MimeWriter.ToBytes).ToList();
        bytes.ForEach(b => MessageAssert.WellFormed(b, headersWithin78: false));
        var parsed = StrictParser.ParseBatch(bytes);
        for (int i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var json = parsed[i];
            string context = $"seed {seed}, message {i}:\n{Encoding.ASCII.GetString(bytes[i])[..Math.Min(3000, bytes[i].Length)]}";
            Assert.That(StrictParser.Problems(json), Is.Empty, context);
            Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo(message.Subject), context);
            AssertName(json.GetProperty("from")[0], message.From, context);
            AssertName(json.GetProperty("to")[0], message.To[0], context);
            AssertName(json.GetProperty("to")[1], message.To[1], context);

            var root = json.GetProperty("structure");
            var textPart = message.HtmlBody is null ? root : root.GetProperty("children")[0];
            Assert.That(textPart.GetProperty("text").GetString(), Is.EqualTo(Lines(message.TextBody!)), context);
            if (message.HtmlBody is not null)
            {
                var related = root.GetProperty("children")[1];
                Assert.That(related.GetProperty("children")[0].GetProperty("text").GetString(), Is.EqualTo(Lines(message.HtmlBody)), context);
                var resource = related.GetProperty("children")[1];
                Assert.That(Convert.FromBase64String(resource.GetProperty("base64").GetString()!), Is.EqualTo(message.InlineResources[0].Content.ToArray()), context);
                var fileName = message.InlineResources[0].FileName?.Trim() is { Length: > 0 } trimmed ? trimmed : null;
                Assert.That(resource.GetProperty("filename").GetString(), Is.EqualTo(fileName), context);
            }
        }
    }

    private static void AssertName(JsonElement parsed, MailAddress address, string context)
    {
        string expected = address.DisplayName?.Trim() ?? "";
        Assert.That(parsed.GetProperty("display_name_rfc2047").GetString(), Is.EqualTo(expected), context);

        // The strict registry adds a space between adjacent encoded-words in a phrase (against RFC 2047 §6.2), so
        // only the non-space content is compared there.
        Assert.That(NoWhitespace(parsed.GetProperty("display_name").GetString()!), Is.EqualTo(NoWhitespace(expected)), context);
    }

    private static string NoWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
