// The 'forloop' variable inside {% for %}: position, length and the enclosing loop.
using Newsletter.Liquid.Values;

namespace Newsletter.Liquid.Tags;

internal sealed class ForLoopObject : ILiquidObject
{
    public ForLoopObject(string name, int length, object? parent)
    {
        Name = name;
        Length = length;
        Parent = parent;
    }

    public string Name { get; }

    public int Length { get; }

    public object? Parent { get; }

    public int Index0 { get; set; }

    public bool TryGet(string key, out object? value)
    {
        value = key switch
        {
            "index" => Boxes.Int(Index0 + 1),
            "index0" => Boxes.Int(Index0),
            "rindex" => Boxes.Int(Length - Index0),
            "rindex0" => Boxes.Int(Length - Index0 - 1),
            "first" => Boxes.Bool(Index0 == 0),
            "last" => Boxes.Bool(Index0 == Length - 1),
            "length" => Boxes.Int(Length),
            "name" => Name,
            "parentloop" => Parent,
            _ => Missing,
        };
        if (ReferenceEquals(value, Missing))
        {
            value = null;
            return false;
        }

        return true;
    }

    private static readonly object Missing = new();
}
