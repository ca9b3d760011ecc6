using PolicyBot.Core.State;
using PolicyBot.Tests;

namespace PolicyBot.Core.Tests.State;

public sealed class SqliteSchemaFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task OpenAsync_CreatesTheSchemaInWalMode_AndLetsSqliteWaitForLocks()
    {
        var file = new SqliteSchemaFile(_temp.File("nested/state.db"), "CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL);");

        await using (var first = await file.OpenAsync(CancellationToken.None))
        {
            Assert.Equal("wal", await ScalarAsync(first, "PRAGMA journal_mode"));
            Assert.Equal(0L, await ScalarAsync(first, "SELECT count(*) FROM notes"));
        }
        // Every connection handed out (pooled or new) has SQLite's own busy handler, not the driver's fixed 150 ms retry pause.
        await using var second = await file.OpenAsync(CancellationToken.None);
        Assert.Equal(30_000L, await ScalarAsync(second, "PRAGMA busy_timeout"));
    }

    [Fact]
    public async Task OpenAsync_ConcurrentWritersOnSeparateConnections_AllRowsArrive()
    {
        var file = new SqliteSchemaFile(_temp.File("state.db"), "CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL);");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var connection = await file.OpenAsync(CancellationToken.None);
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO notes (text) VALUES ($text)";
                insert.Parameters.AddWithValue("$text", $"{writer}-{i}");
                await insert.ExecuteNonQueryAsync();
            }
        })));

        await using var check = await file.OpenAsync(CancellationToken.None);
        Assert.Equal(200L, await ScalarAsync(check, "SELECT count(DISTINCT text) FROM notes"));
    }

    private static async Task<object?> ScalarAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
