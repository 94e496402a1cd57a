// The 'tablerowloop' variable inside {% tablerow %}: forloop's fields plus row/column positions.
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class TablerowLoopObject : ILiquidObject
{
    private readonly int length;
    private readonly int cols;

    public TablerowLoopObject(int length, int cols)
    {
        this.length = length;
        this.cols = cols;
    }

    public int Index0 { get; set; }

    public int Col => cols > 0 ? (Index0 % cols) + 1 : Index0 + 1;

    public int Row => cols > 0 ? (Index0 / cols) + 1 : 1;

    public bool ColLast => Col == cols;

    public bool TryGet(string key, out object? value)
    {
        object? result = key switch
        {
            "index" => Boxes.Int(Index0 + 1),
            "index0" => Boxes.Int(Index0),
            "rindex" => Boxes.Int(length - Index0),
            "rindex0" => Boxes.Int(length - Index0 - 1),
            "first" => Boxes.Bool(Index0 == 0),
            "last" => Boxes.Bool(Index0 == length - 1),
            "length" => Boxes.Int(length),
            "col" => Boxes.Int(Col),
            "col0" => Boxes.Int(Col - 1),
            "col_first" => Boxes.Bool(Col == 1),
            "col_last" => Boxes.Bool(ColLast),
            "row" => Boxes.Int(Row),
            _ => null,
        };
        value = result;
        return result is not null;
    }
}
