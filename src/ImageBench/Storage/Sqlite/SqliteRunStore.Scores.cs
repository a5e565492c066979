using System.Text.Json;
using ImageBench.Scoring;

namespace ImageBench.Storage.Sqlite;

/// <summary>The score cache: scores live beside the attempts they describe, keyed by image hash and scorer version.</summary>
public sealed partial class SqliteRunStore : IScoreStore
{
    private const string ScoreWhere = "image_sha256 = $sha AND scorer = $scorer AND version = $version AND expectations_hash = $expect";

    public Task<ScoreResult?> LoadScoreAsync(ScoreKey key, CancellationToken ct) =>
        _db.UseAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT result_json FROM scores WHERE {ScoreWhere};";
            AddKey(command, key);
            return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string json
                ? JsonSerializer.Deserialize<ScoreResult>(json, ResultJson.Compact)
                : null;
        }, ct);

    public Task SaveScoreAsync(ScoreKey key, ScoreResult result, CancellationToken ct) =>
        _db.InTransactionAsync(async (connection, tx) =>
        {
            await SerializedConnection.ExecuteAsync(connection, tx,
                "INSERT OR REPLACE INTO scores (image_sha256, scorer, version, expectations_hash, result_json) VALUES ($sha, $scorer, $version, $expect, $json);",
                ("$sha", key.ImageSha256), ("$scorer", key.Scorer), ("$version", key.Version), ("$expect", key.ExpectationsHash),
                ("$json", JsonSerializer.Serialize(result, ResultJson.Compact))).ConfigureAwait(false);
            return true;
        }, ct);

    private static void AddKey(Microsoft.Data.Sqlite.SqliteCommand command, ScoreKey key)
    {
        command.Parameters.AddWithValue("$sha", key.ImageSha256);
        command.Parameters.AddWithValue("$scorer", key.Scorer);
        command.Parameters.AddWithValue("$version", key.Version);
        command.Parameters.AddWithValue("$expect", key.ExpectationsHash);
    }
}
