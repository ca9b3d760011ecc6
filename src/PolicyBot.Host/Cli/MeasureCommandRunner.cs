using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Conversations;
using PolicyBot.Core.Measures;
using PolicyBot.Core.Retrieval;
using PolicyBot.Host.Composition;

namespace PolicyBot.Host.Cli;

/// <summary>Runs latest / timeline / compare / upcoming: the same replies as in chat, printed as text (tables as aligned columns) or as JSON.</summary>
internal static class MeasureCommandRunner
{
    public static Task<int> RunAsync(CliContext cli, ChatCommand command, bool json, CancellationToken cancellationToken) =>
        CliRunner.RunAsync(cli, async services =>
        {
            await services.GetRequiredService<IndexBootstrapper>().EnsureIngestedAsync(ConsoleProgress.ForStandardError(cli.Error), cli.Error, cancellationToken);
            var reply = await Replies(services).HandleAsync(command, cancellationToken)
                ?? throw new InvalidOperationException($"{command.GetType().Name} is not a measure command");
            if (reply.Kind == ReplyKind.Error)
            {
                await cli.Error.WriteLineAsync(reply.Text);
                return CliRunner.Failed;
            }
            if (json) await cli.Output.WriteLineAsync(CliJson.Serialize(ReplyJson.From(reply)));
            else await ReplyTextWriter.WriteAsync(cli.Output, reply, await services.GetRequiredService<IPassageIndex>().GetStatsAsync(cancellationToken));
            return CliRunner.Ok;
        }, cancellationToken);

    // Registered by the composition root; built here when it is not, so the commands work with AddPolicyBot alone.
    private static MeasureReplies Replies(IServiceProvider services) =>
        services.GetService<MeasureReplies>() ?? new MeasureReplies(services.GetService<MeasureRegister>()
            ?? new MeasureRegister(services.GetRequiredService<IPassageIndex>(), services.GetService<TimeProvider>() ?? TimeProvider.System));
}
