using System.Net.Sockets;
using Npgsql;

namespace PolicyBot.State.Postgres;

/// <summary>
/// Tells a lost or refused connection (the server restarted, was killed, or the network dropped, before or during a command) from
/// an error in the command itself: only the first means "storage unavailable, try later"; a constraint violation or a bad query
/// must stay what it is.
/// </summary>
public static class PostgresConnectionFailures
{
    /// <summary>SQLSTATE class 08 (connection exception) and the shutdown codes a server sends as it goes away.</summary>
    public static bool IsConnectionLost(Exception exception) => exception switch
    {
        PostgresException server => server.SqlState.StartsWith("08", StringComparison.Ordinal)
            || server.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException driver => driver.IsTransient || driver.InnerException is { } inner && IsConnectionLost(inner),
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };
}
