// Engine-provided objects (forloop, tablerowloop) that answer property lookups without reflection.
namespace Newsletter.Liquid.Values;

internal interface ILiquidObject
{
    bool TryGet(string key, out object? value);
}
