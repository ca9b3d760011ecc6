using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.Host.Composition;
using PolicyBot.Teams.Bot;

namespace PolicyBot.Host.Server;

/// <summary>On start with the SQLite state file: moves Teams conversation references from their pre-address-store table (once).</summary>
internal sealed partial class LegacyStateImport(IOptions<StateOptions> state, IConversationReferenceStore references, ILogger<LegacyStateImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (state.Value.Provider != StateProvider.Sqlite) return;
        var moved = await LegacyConversationReferenceImport.RunAsync(state.Value.Path, references, cancellationToken);
        if (moved > 0) LogMoved(moved);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} Teams conversation references to the conversation address store")]
    private partial void LogMoved(int count);
}
