// Cached property getters for records and POCOs, reachable by exact, snake_case or camelCase name.
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace Newsletter.Liquid.Values;

internal sealed class TypeAccessor
{
    private static readonly ConcurrentDictionary<Type, TypeAccessor> Cache = new();

    private readonly Dictionary<string, Func<object, object?>> getters;

    private TypeAccessor(Type type)
    {
        getters = new Dictionary<string, Func<object, object?>>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var getter = Compile(type, property);
            getters[property.Name] = getter;
            getters.TryAdd(ToSnakeCase(property.Name), getter);
            getters.TryAdd(char.ToLowerInvariant(property.Name[0]) + property.Name[1..], getter);
        }
    }

    public static TypeAccessor For(Type type) => Cache.GetOrAdd(type, static t => new TypeAccessor(t));

    public bool TryGet(object instance, string name, out object? value)
    {
        if (getters.TryGetValue(name, out var getter))
        {
            value = getter(instance);
            return true;
        }

        value = null;
        return false;
    }

    internal static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                // "HTMLBody" becomes "html_body": a break goes before an upper letter that follows a lower one
                // or that starts a new word after an acronym.
                var breakBefore = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (breakBefore)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static Func<object, object?> Compile(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "instance");
        var typed = type.IsValueType ? Expression.Unbox(instance, type) : (Expression)Expression.Convert(instance, type);
        var body = Expression.Convert(Expression.Property(typed, property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }
}
