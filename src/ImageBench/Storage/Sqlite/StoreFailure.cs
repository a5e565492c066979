using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Sqlite;

/// <summary>
/// Turns what SQLite and the row readers throw on a broken file into one <see cref="UnusableStoreException"/> that
/// names the file. Applied where every store operation passes (opening, <see cref="SerializedConnection"/>), so no
/// caller needs its own catch.
/// </summary>
internal static class StoreFailure
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <param name="connection">The store's connection if it is open: it tells another schema version from a foreign file.</param>
    /// <returns>False when <paramref name="e"/> says nothing about the file (cancellation, a busy lock, a bug): rethrow it as is.</returns>
    public static bool TryTranslate(Exception e, string path, SqliteConnection? connection, [NotNullWhen(true)] out UnusableStoreException? unusable)
    {
        unusable = e switch
        {
            UnusableStoreException { StorePath: not null } => null,
            // SqliteSchema knows the version it found but not the path; user_version tells which of its two refusals it was.
            IncompatibleStoreException incompatible => new IncompatibleStoreException(path, IncompatibilityOf(connection), OneLine(incompatible.Message), incompatible),
            UnusableStoreException other => new UnusableStoreException(path, other.Problem, OneLine(other.Message), other),
            SqliteException { SqliteErrorCode: SqliteCorrupt } sqlite => Damaged(path, $" ({OneLine(sqlite.Message).TrimEnd('.')})", sqlite),
            SqliteException { SqliteErrorCode: SqliteNotADatabase } sqlite =>
                new IncompatibleStoreException(path, StoreProblem.NotAStore, $"{path} is not a SQLite database; refusing to use it as the run store.", sqlite),
            // Row readers say which row and column; the manifest reader already starts with the path.
            InvalidDataException invalid => Damaged(path, ": " + OneLine(WithoutPath(invalid.Message, path)), invalid),
            JsonException json => Damaged(path, $": a stored row cannot be read ({OneLine(json.Message)})", json),
            _ => null,
        };
        return unusable is not null;
    }

    /// <param name="detail">Follows "is damaged": " (why)" or ": what".</param>
    private static UnusableStoreException Damaged(string path, string detail, Exception inner) =>
        new(path, StoreProblem.Damaged, $"{path} is damaged{detail}", inner);

    /// <summary>SqliteSchema refuses a nonzero user_version as another version, and tables not ours at version 0 as foreign.</summary>
    private static StoreProblem IncompatibilityOf(SqliteConnection? connection)
    {
        if (connection is not { State: System.Data.ConnectionState.Open }) return StoreProblem.NotAStore;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0 ? StoreProblem.OtherSchemaVersion : StoreProblem.NotAStore;
        }
        catch (SqliteException)
        {
            return StoreProblem.NotAStore;
        }
    }

    private static string WithoutPath(string message, string path) =>
        message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
