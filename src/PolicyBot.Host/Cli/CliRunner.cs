using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Host.Cli;

/// <summary>Runs a command's body with the services built, turning expected failures into one clear line and an exit code.</summary>
internal static class CliRunner
{
    public const int Ok = 0, Failed = 1, ConfigurationError = 2, Cancelled = 130;

    public static async Task<int> RunAsync(CliContext cli, Func<ServiceProvider, Task<int>> body, CancellationToken cancellationToken,
        Action<IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration>? configure = null)
    {
        try
        {
            await using var services = cli.BuildServices(configure);
            return await body(services);
        }
        catch (OptionsValidationException ex)
        {
            await cli.Error.WriteLineAsync($"Configuration error: {string.Join(" ", ex.Failures)}");
            return ConfigurationError;
        }
        catch (PolicyBot.Core.Embedded.IndexCorruptException ex)
        {
            await cli.Error.WriteLineAsync($"Index error: {ex.Message}");
            return ConfigurationError;
        }
        catch (IndexMismatchException ex)
        {
            await cli.Error.WriteLineAsync($"Index error: {ex.Message}");
            return ConfigurationError;
        }
        catch (PolicyBot.Core.State.StateUnavailableException ex)
        {
            await cli.Error.WriteLineAsync($"Error: {ex.Message} Check PolicyBot:State:ConnectionString and that the server is running.");
            return Failed;
        }
        catch (IndexUnavailableException ex)
        {
            await cli.Error.WriteLineAsync($"Error: {ex.Message} Check Qdrant:Endpoint and that the Qdrant server is running.");
            return Failed;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            await cli.Error.WriteLineAsync($"Error: {ex.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await cli.Error.WriteLineAsync("Cancelled.");
            return Cancelled;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("POLICYBOT_STACK_TRACES") is null)
        {
            // A bug, not a user error: one line, no stack trace (set POLICYBOT_STACK_TRACES=1 to see it).
            await cli.Error.WriteLineAsync($"Unexpected error ({ex.GetType().Name}): {ex.Message}");
            return Failed;
        }
    }
}
