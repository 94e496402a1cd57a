// Reports CSS that Gmail or Outlook do not support, from a small caniemail-style data table shipped with the product.
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using PreMailer.Net;

namespace Newsletter.Checks;

/// <summary>
/// Scans the CSS of a rendered email (every <c>style</c> attribute and <c>style</c> element) against
/// <c>css-support.json</c>, and warns once per feature that Gmail or Outlook marks <c>no</c>, naming the clients.
/// Features marked <c>partial</c> are left alone: the default design uses them as progressive enhancement.
/// </summary>
public sealed partial class CssSupport
{
    private static readonly HtmlParser Parser = new();
    // One for every block: ParseStyleClass keeps nothing in the parser (a new StyleClass per call, static regexes
    // only), so sharing it is safe on any thread. CssParserContractTests holds PreMailer to that.
    private static readonly CssParser DeclarationParser = new();
    private readonly IReadOnlyList<Feature> _features;

    /// <summary>One row of the data table.</summary>
    /// <param name="Name">Feature name shown to the editor.</param>
    /// <param name="Kind"><c>property</c>, <c>value</c>, <c>function</c> or <c>at-rule</c>.</param>
    /// <param name="Property">Declaration name (property and value kinds).</param>
    /// <param name="Value">Word in the value (value kind) or text to find (function and at-rule kinds).</param>
    /// <param name="Gmail"><c>yes</c>, <c>partial</c> or <c>no</c>.</param>
    /// <param name="Outlook"><c>yes</c>, <c>partial</c> or <c>no</c>.</param>
    public sealed record Feature(string Name, string Kind, string? Property, string? Value, string Gmail, string Outlook);

    private CssSupport(IReadOnlyList<Feature> features) => _features = features;

    /// <summary>The table shipped in the assembly.</summary>
    public static CssSupport Default { get; } = Load();

    /// <summary>The features of the table.</summary>
    public IReadOnlyList<Feature> Features => _features;

    /// <summary>Warnings for the unsupported features <paramref name="html"/> uses.</summary>
    public IEnumerable<CheckFinding> Check(string html, SourceLocator locator)
    {
        var document = Parser.ParseDocument(html);
        var declarations = document.QuerySelectorAll("[style]").SelectMany(e => Declarations(e.GetAttribute("style")!)).ToList();
        var sheets = string.Join('\n', document.QuerySelectorAll("style").Select(s => s.TextContent));
        foreach (Match block in Block().Matches(sheets)) declarations.AddRange(Declarations(block.Groups[1].Value));
        foreach (var feature in _features.Where(f => f.Gmail == "no" || f.Outlook == "no"))
        {
            var used = feature.Kind switch
            {
                "property" => declarations.FirstOrDefault(d => d.Style.Equals(feature.Property, StringComparison.OrdinalIgnoreCase)) is { } d ? d.Style + ":" : null,
                "value" => declarations.FirstOrDefault(d => d.Style.Equals(feature.Property, StringComparison.OrdinalIgnoreCase) && Regex.IsMatch(d.Value, $@"\b{Regex.Escape(feature.Value!)}\b")) is { } v ? v.Value : null,
                "function" => declarations.FirstOrDefault(d => d.Value.Contains(feature.Value!, StringComparison.OrdinalIgnoreCase)) is { } f ? feature.Value : null,
                _ => sheets.Contains(feature.Value!, StringComparison.OrdinalIgnoreCase) ? feature.Value : null,
            };
            if (used is null) continue;
            var clients = string.Join(" and ", new[] { feature.Gmail == "no" ? "Gmail" : null, feature.Outlook == "no" ? "Outlook" : null }.OfType<string>());
            yield return new CheckFinding(CheckSeverity.Warning, "css-support", locator.Find(used),
                $"{feature.Name} is not supported in {clients}; the design must not depend on it");
        }
    }

    // PreMailer's parser, which the inliner wrote these declarations with, reads them back as written.
    private static IEnumerable<CssAttribute> Declarations(string block) => DeclarationParser.ParseStyleClass("", block).Attributes;

    private static CssSupport Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Newsletter.Checks.css-support.json")
            ?? throw new InvalidOperationException("css-support.json is not embedded");
        using var json = JsonDocument.Parse(stream);
        var features = json.RootElement.GetProperty("features").EnumerateArray().Select(e => new Feature(
            e.GetProperty("feature").GetString()!,
            e.GetProperty("kind").GetString()!,
            e.TryGetProperty("name", out var name) ? name.GetString() : null,
            e.TryGetProperty("value", out var value) ? value.GetString() : null,
            e.GetProperty("gmail").GetString()!,
            e.GetProperty("outlook").GetString()!)).ToList();
        return new CssSupport(features);
    }

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Block();
}
