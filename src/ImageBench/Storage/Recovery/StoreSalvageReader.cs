using System.Text.Json;
using ImageBench.Attempts;
using ImageBench.Providers;
using ImageBench.Scoring;
using ImageBench.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ImageBench.Storage.Recovery;

/// <summary>
/// Reads whatever a damaged store file still holds, one row at a time, so one bad page or one unparseable row
/// costs that row and not the rest. Only ever given a scratch copy: SQLite may alter a file it opens.
/// </summary>
/// <remarks>
/// It reads the columns every store version so far has had, with its own SQL and its own parsing rather than the
/// live store's (<see cref="SlotRow"/>), which follows the current schema: a salvage must not depend on the file
/// being the shape the running code expects. Rows are found three ways, because damage hides them differently: a
/// scan by rowid (stops at the first bad page), the primary-key index (other pages; it also names rows whose table
/// page is gone), and a probe of every rowid up to past the highest one seen.
/// </remarks>
internal static class StoreSalvageReader
{
    /// <summary>Rowids probed past the highest one seen: a lost page may hide the last rows from both scans.</summary>
    private const int ProbeBeyond = 256;

    public static StoreSalvage Read(string storeCopyPath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = storeCopyPath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        long version;
        try
        {
            connection.Open();
            // A truncated file's header promises more pages than the file has, and SQLite refuses to read it at all
            // unless the schema is "writable"; with it, SQLite reads the pages that are there.
            Execute(connection, "PRAGMA writable_schema = ON;");
            Execute(connection, "PRAGMA query_only = ON;");
            version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            return StoreSalvage.Nothing(OneLine(e.Message));
        }

        var (manifest, manifestError) = ReadManifest(connection);
        var (slots, unreadableSlots) = ReadRows(connection,
            new Table("slots", "sqlite_autoindex_slots_1", "model, prompt_id, repeat",
                "model, prompt_id, repeat, phase, job_json, interrupted_calls, attempt_json"),
            ParseSlot, index => new SlotKey(index.GetString(1), index.GetString(2), index.GetInt32(3)));
        var (scores, unreadableScores) = ReadRows(connection,
            new Table("scores", "sqlite_autoindex_scores_1", "image_sha256, scorer, version, expectations_hash",
                "image_sha256, scorer, version, expectations_hash, result_json"),
            ParseScore, _ => null);
        return new StoreSalvage(null, version, manifest, manifestError, slots, unreadableSlots, scores, unreadableScores);
    }

    private sealed record Table(string Name, string Index, string KeyColumns, string Columns);

    private static (RunManifest?, string?) ReadManifest(SqliteConnection connection)
    {
        try
        {
            return Scalar(connection, "SELECT manifest_json FROM manifest WHERE id = 1;") is string json
                ? (Json<RunManifest>(json, "the manifest"), null)
                : (null, null);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return (null, OneLine(e.Message));
        }
    }

    private static (List<T> Rows, List<UnreadableRow> Unreadable) ReadRows<T>(
        SqliteConnection connection, Table table, Func<SqliteDataReader, T> parse, Func<SqliteDataReader, SlotKey?> keyOf)
    {
        var ids = new SortedDictionary<long, SlotKey?>();
        ReadWhileReadable(connection, $"SELECT rowid FROM {table.Name} ORDER BY rowid;", r => ids.TryAdd(r.GetInt64(0), null));
        ReadWhileReadable(connection, $"SELECT rowid, {table.KeyColumns} FROM {table.Name} INDEXED BY {table.Index} ORDER BY {table.KeyColumns};",
            r => ids[r.GetInt64(0)] = keyOf(r));
        var highest = ids.Count == 0 ? 0 : ids.Keys.Max();
        for (var id = 1L; id <= highest + ProbeBeyond; id++)
            if (!ids.ContainsKey(id) && Exists(connection, table.Name, id)) ids[id] = null;

        var rows = new List<T>();
        var unreadable = new List<UnreadableRow>();
        foreach (var (id, key) in ids)
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {table.Columns} FROM {table.Name} WHERE rowid = $id;";
                command.Parameters.AddWithValue("$id", id);
                using var reader = command.ExecuteReader();
                if (reader.Read()) rows.Add(parse(reader));
                // A rowid that only a scan of damaged pages produced is no evidence of a row; one the index names is.
                else if (key is not null) unreadable.Add(new UnreadableRow(id, key, "the index names it but its row is gone"));
            }
            catch (Exception e) when (IsUnreadable(e))
            {
                unreadable.Add(new UnreadableRow(id, key, OneLine(e.Message)));
            }
        }
        return (rows, unreadable);
    }

    private static SlotState ParseSlot(SqliteDataReader row)
    {
        var key = new SlotKey(row.GetString(0), row.GetString(1), row.GetInt32(2));
        var phase = SlotRow.ParsePhase(row.GetString(3));
        var job = row.IsDBNull(4) ? null : Json<JobHandle>(row.GetString(4), "job_json");
        var attempt = phase == SlotPhase.Done && !row.IsDBNull(6) ? Json<Attempt>(row.GetString(6), "attempt_json") : null;
        if (phase == SlotPhase.Done && attempt is null) throw new InvalidDataException("done but no attempt stored");
        return new SlotState(key, phase, job, row.GetInt32(5), attempt);
    }

    private static SalvagedScore ParseScore(SqliteDataReader row)
    {
        var key = new ScoreKey(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3));
        return new SalvagedScore(key, Json<ScoreResult>(row.GetString(4), $"score {key.ImageSha256[..Math.Min(12, key.ImageSha256.Length)]}/{key.Scorer}"));
    }

    private static T Json<T>(string json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, ResultJson.Compact) ?? throw new InvalidDataException($"{what} is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{what} cannot be read ({e.Message})", e);
        }
    }

    /// <summary>Runs a query and keeps each row until one cannot be read; what was read before stays.</summary>
    private static void ReadWhileReadable(SqliteConnection connection, string sql, Action<SqliteDataReader> onRow)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read()) onRow(reader);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            // The rows before the bad page are kept; the probe looks past it.
        }
    }

    private static bool Exists(SqliteConnection connection, string table, long id)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT 1 FROM {table} WHERE rowid = $id;";
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteScalar() is not null;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>What damage makes reading a row throw: SQLite's errors, values of the wrong type, JSON that does not parse.</summary>
    private static bool IsUnreadable(Exception e) =>
        e is SqliteException or InvalidDataException or InvalidCastException or FormatException or OverflowException or JsonException or ArgumentException;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
