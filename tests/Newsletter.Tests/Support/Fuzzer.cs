// Seeded random and mutated inputs for parser fuzz tests, each run on its own thread under a time budget.
using System.Text;

namespace Newsletter.Tests.Support;

/// <summary>
/// Generates inputs from seeds (files of the repository) by random edits, and runs a parser on each with a
/// deadline. Every run is reproducible from <see cref="Seed"/>; a failure names the case number and the input.
/// <c>FUZZ_SEED</c> and <c>FUZZ_CASES</c> in the environment explore further (e.g. <c>FUZZ_CASES=20000</c>).
/// </summary>
public sealed class Fuzzer(int seed, string[] dictionary)
{
    private static readonly int? SeedOverride = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : null;
    private static readonly int? CasesOverride = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var c) ? c : null;

    // A parser that needs more than this for one input of a few kilobytes is hanging, not slow.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    // Smaller than a process's main thread, so recursion that would come close to overflowing it fails here first.
    private const int StackBytes = 1024 * 1024;

    private readonly Random _random = new(SeedOverride ?? seed);

    /// <summary>The seed of the run, printed with failures.</summary>
    public int Seed { get; } = SeedOverride ?? seed;

    /// <summary>Most cases per test, and most wall-clock time spent making and running them.</summary>
    public static (int Cases, TimeSpan Time) Budget { get; } = CasesOverride is { } cases
        ? (cases, TimeSpan.FromHours(1))
        : (400, TimeSpan.FromSeconds(4));

    /// <summary>A mutation of one of <paramref name="seeds"/>, or now and then text made from the dictionary alone.</summary>
    public string Next(IReadOnlyList<string> seeds)
    {
        var text = new StringBuilder(_random.Next(8) == 0 ? "" : seeds[_random.Next(seeds.Count)]);
        for (var edits = _random.Next(1, 6); edits > 0; edits--) Mutate(text);
        return text.ToString();
    }

    private void Mutate(StringBuilder text)
    {
        var at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        switch (_random.Next(7))
        {
            case 0 when text.Length > 0:
                var length = Math.Min(text.Length - Math.Min(at, text.Length - 1), _random.Next(1, 40));
                text.Remove(Math.Min(at, text.Length - 1), length);
                break;
            case 1:
                text.Insert(at, dictionary[_random.Next(dictionary.Length)]);
                break;
            case 2:
                // Deep nesting and long runs are where parsers recurse or go quadratic.
                text.Insert(at, string.Concat(Enumerable.Repeat(dictionary[_random.Next(dictionary.Length)], _random.Next(50, 3000))));
                break;
            case 3 when text.Length > 0:
                text[Math.Min(at, text.Length - 1)] = (char)_random.Next(0, 0x3000);
                break;
            case 4 when text.Length > 2:
                var start = _random.Next(text.Length - 1);
                var piece = text.ToString(start, Math.Min(text.Length - start, _random.Next(1, 200)));
                text.Insert(at, piece);
                break;
            case 5 when text.Length > 0:
                text.Length = _random.Next(text.Length);
                break;
            default:
                text.Insert(at, (char)_random.Next(0, 0x80));
                break;
        }
    }

    /// <summary>
    /// Runs <paramref name="parse"/> on <paramref name="input"/> on a thread with a 1 MiB stack and fails the test when
    /// it passes the deadline or throws anything but an exception <paramref name="documented"/> accepts.
    /// </summary>
    public void Run(int number, string input, Action<string> parse, Func<Exception, bool> documented)
    {
        Exception? thrown = null;
        var thread = new Thread(() =>
        {
            try
            {
                parse(input);
            }
            catch (Exception e)
            {
                thrown = e;
            }
        }, StackBytes) { IsBackground = true };
        thread.Start();
        if (!thread.Join(Deadline)) Assert.Fail($"seed {Seed}, case {number}: no answer within {Deadline.TotalSeconds} s for {Show(input)}");
        if (thrown is not null && !documented(thrown))
            Assert.Fail($"seed {Seed}, case {number}: {thrown.GetType().Name} for {Show(input)}\n{thrown}");
    }

    /// <summary>Runs cases until <see cref="Budget"/> is spent; returns how many ran.</summary>
    public int RunAll(IReadOnlyList<string> seeds, Action<string> parse, Func<Exception, bool> documented)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var count = 0;
        foreach (var s in seeds) Run(count++, s, parse, documented);
        while (count < Budget.Cases && clock.Elapsed < Budget.Time)
        {
            Run(count, Next(seeds), parse, documented);
            count++;
        }
        return count;
    }

    private static string Show(string input)
    {
        var shown = input.Length > 300 ? input[..300] + $"… ({input.Length} characters)" : input;
        return "\"" + string.Concat(shown.Select(c => c < 0x20 || c is >= '\u007f' and <= '\u009f' ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
    }
}
