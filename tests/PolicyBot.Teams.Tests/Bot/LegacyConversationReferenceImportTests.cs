using Microsoft.Data.Sqlite;
using PolicyBot.Core.State;
using PolicyBot.Teams.Bot;
using PolicyBot.Tests;

namespace PolicyBot.Teams.Tests.Bot;

/// <summary>State files from before the address store: their teams_conversations rows move over once, and nothing is lost.</summary>
public sealed class LegacyConversationReferenceImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private string StatePath => _temp.File("state/state.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task RunAsync_LegacyRows_MovedToTheAddressStoreAndTheOldTableDropped()
    {
        WriteLegacyTable(
            ("19:general@thread.tacv2", "https://smba.example/emea/", "msteams", "tenant-1", "28:bot", "channel"),
            ("a:personal", "https://smba.example/amer/", "msteams", null, null, null));
        var store = new ConversationReferenceStore(new SqliteConversationAddressStore(StatePath));

        var moved = await LegacyConversationReferenceImport.RunAsync(StatePath, store, CancellationToken.None);

        Assert.Equal(2, moved);
        var listed = await new ConversationReferenceStore(new SqliteConversationAddressStore(StatePath)).ListAsync(CancellationToken.None);
        Assert.Equal(
            [new StoredConversation("19:general@thread.tacv2", "https://smba.example/emea/", "msteams", "tenant-1", "28:bot", "channel"),
             new StoredConversation("a:personal", "https://smba.example/amer/", "msteams", null, null, null)],
            listed);
        Assert.False(LegacyTableExists());
    }

    [Fact]
    public async Task RunAsync_SecondRunOrNoLegacyTable_MovesNothingAndKeepsCurrentReferences()
    {
        WriteLegacyTable(("19:a@thread.tacv2", "https://smba.example/emea/", "msteams", null, null, "channel"));
        var store = new ConversationReferenceStore(new SqliteConversationAddressStore(StatePath));
        await LegacyConversationReferenceImport.RunAsync(StatePath, store, CancellationToken.None);
        var newer = new StoredConversation("19:a@thread.tacv2", "https://smba.example/apac/", "msteams", null, null, "channel");
        await store.SaveAsync(newer, CancellationToken.None);

        var movedAgain = await LegacyConversationReferenceImport.RunAsync(StatePath, store, CancellationToken.None);

        Assert.Equal(0, movedAgain);
        Assert.Equal([newer], await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_NoStateFile_DoesNotCreateOne()
    {
        var store = new ConversationReferenceStore(new InMemoryConversationAddressStore());

        Assert.Equal(0, await LegacyConversationReferenceImport.RunAsync(StatePath, store, CancellationToken.None));
        Assert.False(File.Exists(StatePath));
    }

    private void WriteLegacyTable(params (string Id, string Url, string Channel, string? Tenant, string? Bot, string? Type)[] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        using var connection = new SqliteConnection($"Data Source={StatePath};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE teams_conversations (conversation_id TEXT PRIMARY KEY, service_url TEXT NOT NULL, channel_id TEXT NOT NULL,
                tenant_id TEXT, bot_id TEXT, conversation_type TEXT)
            """;
        create.ExecuteNonQuery();
        foreach (var row in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO teams_conversations VALUES ($id, $url, $channel, $tenant, $bot, $type)";
            insert.Parameters.AddWithValue("$id", row.Id);
            insert.Parameters.AddWithValue("$url", row.Url);
            insert.Parameters.AddWithValue("$channel", row.Channel);
            insert.Parameters.AddWithValue("$tenant", (object?)row.Tenant ?? DBNull.Value);
            insert.Parameters.AddWithValue("$bot", (object?)row.Bot ?? DBNull.Value);
            insert.Parameters.AddWithValue("$type", (object?)row.Type ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }
    }

    private bool LegacyTableExists()
    {
        using var connection = new SqliteConnection($"Data Source={StatePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'teams_conversations'";
        return (long)command.ExecuteScalar()! > 0;
    }
}
