// Server-rendered SVG charts for the stats page: no scripts, no external assets, every label escaped.
using System.Globalization;
using System.Text;
using Newsletter.Reporting;
using Newsletter.Web.Pages;

namespace Newsletter.Web.Stats;

/// <summary>Draws inline SVG 1.1 (https://www.w3.org/TR/SVG11/): horizontal bars per option and a line of averages.</summary>
public static class SvgCharts
{
    private const int Width = 560;
    private const int LabelWidth = 150;
    private const int RowHeight = 26;

    /// <summary>One horizontal bar per option, length proportional to its votes (longest bar = most votes), with counts.</summary>
    public static string Bars(IssueStats stats)
    {
        var max = Math.Max(1, stats.Votes.Select(v => v.Count).DefaultIfEmpty(0).Max());
        var height = RowHeight * stats.Votes.Count + 8;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{Page.E($"Votes per option for {stats.Title}")}\">");
        for (var i = 0; i < stats.Votes.Count; i++)
        {
            var option = stats.Votes[i];
            var y = 4 + i * RowHeight;
            var length = (Width - LabelWidth - 50) * option.Count / (double)max;
            svg.Append($"<text x=\"0\" y=\"{y + 17}\" font-size=\"14\" fill=\"currentColor\">{Page.E($"{option.Emoji} {option.Label}")}</text>")
                .Append($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{N(length)}\" height=\"{RowHeight - 8}\" rx=\"3\" fill=\"#0969da\"><title>{option.Count}</title></rect>")
                .Append($"<text x=\"{N(LabelWidth + length + 6)}\" y=\"{y + 17}\" font-size=\"13\" fill=\"currentColor\">{option.Count}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line through each issue's average (oldest left), on a scale from 0 to <paramref name="top"/>, with dots and values.</summary>
    public static string Trend(IReadOnlyList<(string Slug, double Average)> points, int top)
    {
        const int height = 200, padding = 30;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Average rating across issues\">");
        svg.Append($"<line x1=\"{padding}\" y1=\"{height - padding}\" x2=\"{Width - padding}\" y2=\"{height - padding}\" stroke=\"#8c959f\"/>");
        if (points.Count == 0) return svg.Append("</svg>").ToString();
        var step = points.Count == 1 ? 0 : (Width - 2.0 * padding) / (points.Count - 1);
        double X(int i) => points.Count == 1 ? Width / 2.0 : padding + i * step;
        double Y(double average) => height - padding - (height - 2.0 * padding) * average / Math.Max(1, top);
        var line = string.Join(' ', points.Select((p, i) => $"{N(X(i))},{N(Y(p.Average))}"));
        svg.Append($"<polyline points=\"{line}\" fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\"/>");
        for (var i = 0; i < points.Count; i++)
            svg.Append($"<circle cx=\"{N(X(i))}\" cy=\"{N(Y(points[i].Average))}\" r=\"4\" fill=\"#0969da\"><title>{Page.E(points[i].Slug)}</title></circle>")
                .Append($"<text x=\"{N(X(i))}\" y=\"{N(Y(points[i].Average) - 9)}\" font-size=\"12\" text-anchor=\"middle\" fill=\"currentColor\">{points[i].Average.ToString("0.00", CultureInfo.InvariantCulture)}</text>");
        return svg.Append("</svg>").ToString();
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
