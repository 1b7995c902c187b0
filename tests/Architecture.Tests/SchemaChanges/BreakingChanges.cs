using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace QuoinApi.Architecture.Tests.SchemaChanges;

/// <summary>
/// Finds, in the operations of a migration's <c>Up</c>, the changes that break the release still serving traffic
/// while the new one rolls out: it reads and writes the schema as it was (docs/guides/zero-downtime-migrations.md).
/// </summary>
public static partial class BreakingChanges
{
    /// <summary>Column types that hold every value of the type on their left: changing to them is a widening.</summary>
    private static readonly HashSet<(string From, string To)> Widenings =
    [
        ("smallint", "integer"), ("smallint", "bigint"), ("integer", "bigint"),
        ("real", "double precision"), ("character varying", "text"),
        ("timestamp without time zone", "timestamp with time zone"),
    ];

    public static IReadOnlyList<BreakingChange> In(IReadOnlyList<MigrationOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);

        // A column added to a table created by the same migration breaks nobody: no old code knows the table.
        var createdTables = operations.OfType<CreateTableOperation>().Select(table => table.Name).ToHashSet(StringComparer.Ordinal);
        var found = new List<BreakingChange>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case DropTableOperation drop:
                    found.Add(new(drop.Name, "drops the table"));
                    break;
                case RenameTableOperation rename:
                    found.Add(new(rename.Name, $"renames the table to {rename.NewName}"));
                    break;
                case DropColumnOperation drop:
                    found.Add(new($"{drop.Table}.{drop.Name}", "drops the column"));
                    break;
                case RenameColumnOperation rename:
                    found.Add(new($"{rename.Table}.{rename.Name}", $"renames the column to {rename.NewName}"));
                    break;
                case AddColumnOperation add when !createdTables.Contains(add.Table) && IsRequiredWithoutDefault(add):
                    found.Add(new($"{add.Table}.{add.Name}", "adds a required column without a default (old code's inserts fail)"));
                    break;
                case AlterColumnOperation alter:
                    found.AddRange(Alterations(alter).Select(what => new BreakingChange($"{alter.Table}.{alter.Name}", what)));
                    break;
                case SqlOperation sql:
                    found.AddRange(InSql(sql.Sql));
                    break;
            }
        }

        return found;
    }

    private static bool IsRequiredWithoutDefault(AddColumnOperation add) =>
        !add.IsNullable && add.DefaultValue is null && add.DefaultValueSql is null && add.ComputedColumnSql is null;

    private static IEnumerable<string> Alterations(AlterColumnOperation alter)
    {
        var old = alter.OldColumn;
        if (!alter.IsNullable && old.IsNullable)
        {
            yield return "narrows to NOT NULL (old code may write nulls)";
        }

        if (alter.IsNullable && !old.IsNullable)
        {
            yield return "becomes nullable (old code reads it as never null)";
        }

        var (oldType, oldLength) = Split(old.ColumnType);
        var (newType, newLength) = Split(alter.ColumnType);
        oldLength ??= old.MaxLength;
        newLength ??= alter.MaxLength;
        if (oldType is not null && newType is not null && oldType != newType && !Widenings.Contains((oldType, newType)))
        {
            yield return $"changes type from {old.ColumnType} to {alter.ColumnType}";
        }
        else if (oldType is null && newType is null && old.ClrType != alter.ClrType)
        {
            yield return $"changes type from {old.ClrType.Name} to {alter.ClrType.Name}";
        }

        if (newLength is { } length && (oldLength is null || length < oldLength) && newType != "text")
        {
            yield return $"narrows its length to {length}";
        }

        if ((alter.Precision ?? int.MaxValue) < (old.Precision ?? int.MaxValue) || (alter.Scale ?? int.MaxValue) < (old.Scale ?? int.MaxValue))
        {
            yield return "narrows its precision or scale";
        }
    }

    /// <summary><c>character varying(200)</c> → (<c>character varying</c>, 200); <c>varchar</c> is read as its full name.</summary>
    private static (string? Type, int? Length) Split(string? columnType)
    {
        if (string.IsNullOrWhiteSpace(columnType))
        {
            return (null, null);
        }

        var match = TypeWithLength().Match(columnType.Trim().ToLowerInvariant());
        var type = match.Groups["type"].Value.Trim() switch
        {
            "varchar" => "character varying",
            "int" or "int4" => "integer",
            "int8" => "bigint",
            "int2" => "smallint",
            "timestamptz" => "timestamp with time zone",
            var other => other,
        };
        int? length = match.Groups["length"].Success ? int.Parse(match.Groups["length"].Value, CultureInfo.InvariantCulture) : null;
        return (type, length);
    }

    private static IEnumerable<BreakingChange> InSql(string sql)
    {
        foreach (Match match in DropTableSql().Matches(sql))
        {
            yield return new(match.Groups["table"].Value, "drops the table (SQL)");
        }

        foreach (Match match in AlterTableSql().Matches(sql))
        {
            var table = match.Groups["table"].Value;
            foreach (var clause in TopLevelClauses(match.Groups["actions"].Value))
            {
                if (InClause(table, clause) is { } change)
                {
                    yield return change;
                }
            }
        }
    }

    private static BreakingChange? InClause(string table, string clause)
    {
        if (RenameTableSql().IsMatch(clause))
        {
            return new(table, "renames the table (SQL)");
        }

        if (DropColumnSql().Match(clause) is { Success: true } drop)
        {
            return new($"{table}.{drop.Groups["column"].Value}", "drops the column (SQL)");
        }

        if (RenameColumnSql().Match(clause) is { Success: true } rename)
        {
            return new($"{table}.{rename.Groups["column"].Value}", "renames the column (SQL)");
        }

        if (AlterColumnSql().Match(clause) is { Success: true } alter)
        {
            var target = $"{table}.{alter.Groups["column"].Value}";
            var rest = alter.Groups["rest"].Value;
            if (SetNotNullSql().IsMatch(rest))
            {
                return new(target, "narrows to NOT NULL (SQL)");
            }

            if (DropNotNullSql().IsMatch(rest))
            {
                return new(target, "becomes nullable (SQL)");
            }

            return TypeSql().IsMatch(rest) ? new(target, "changes type (SQL)") : null;
        }

        if (AddColumnSql().Match(clause) is { Success: true } add && NotNullSql().IsMatch(add.Groups["rest"].Value)
            && !DefaultOrGeneratedSql().IsMatch(add.Groups["rest"].Value))
        {
            return new($"{table}.{add.Groups["column"].Value}", "adds a required column without a default (SQL)");
        }

        return null;
    }

    /// <summary>The comma-separated actions of one <c>ALTER TABLE</c>, ignoring commas inside parentheses.</summary>
    private static IEnumerable<string> TopLevelClauses(string actions)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < actions.Length; i++)
        {
            depth += actions[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (actions[i] == ',' && depth == 0)
            {
                yield return actions[start..i];
                start = i + 1;
            }
        }

        yield return actions[start..];
    }

    [GeneratedRegex(@"^(?<type>[a-z0-9 _]+?)\s*(\(\s*(?<length>\d+)\s*(,\s*\d+\s*)?\))?(\[\])?$")]
    private static partial Regex TypeWithLength();

    [GeneratedRegex(@"\bDROP\s+TABLE\s+(IF\s+EXISTS\s+)?""?(?<table>\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex DropTableSql();

    [GeneratedRegex(@"\bALTER\s+TABLE\s+(IF\s+EXISTS\s+)?(ONLY\s+)?""?(?<table>\w+)""?(?<actions>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex AlterTableSql();

    [GeneratedRegex(@"^\s*RENAME\s+TO\b", RegexOptions.IgnoreCase)]
    private static partial Regex RenameTableSql();

    [GeneratedRegex(@"^\s*DROP\s+(COLUMN\s+)?(IF\s+EXISTS\s+)?(?!CONSTRAINT\b)""?(?<column>\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex DropColumnSql();

    [GeneratedRegex(@"^\s*RENAME\s+(COLUMN\s+)?(?!CONSTRAINT\b)""?(?<column>\w+)""?\s+TO\b", RegexOptions.IgnoreCase)]
    private static partial Regex RenameColumnSql();

    [GeneratedRegex(@"^\s*ALTER\s+(COLUMN\s+)?""?(?<column>\w+)""?(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AlterColumnSql();

    [GeneratedRegex(@"^\s*ADD\s+(COLUMN\s+)?(IF\s+NOT\s+EXISTS\s+)?(?!(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)\b)""?(?<column>\w+)""?(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AddColumnSql();

    [GeneratedRegex(@"\bSET\s+NOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex SetNotNullSql();

    [GeneratedRegex(@"\bDROP\s+NOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex DropNotNullSql();

    [GeneratedRegex(@"^\s*(SET\s+DATA\s+)?TYPE\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypeSql();

    [GeneratedRegex(@"\bNOT\s+NULL\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotNullSql();

    [GeneratedRegex(@"\b(DEFAULT|GENERATED)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultOrGeneratedSql();
}
