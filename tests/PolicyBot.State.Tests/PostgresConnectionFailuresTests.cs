using System.Net.Sockets;
using Npgsql;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

/// <summary>Which failures mean "storage unreachable" and which are the command's own error (needs no server).</summary>
public sealed class PostgresConnectionFailuresTests
{
    [Theory]
    [InlineData("57P01")]   // admin_shutdown: the backend was terminated or the server is stopping
    [InlineData("57P02")]   // crash_shutdown
    [InlineData("57P03")]   // cannot_connect_now: starting up or in recovery
    [InlineData("08006")]   // connection_failure
    [InlineData("08003")]   // connection_does_not_exist
    public void ServerErrors_ThatEndTheConnection_AreConnectionLoss(string sqlState)
    {
        Assert.True(PostgresConnectionFailures.IsConnectionLost(new PostgresException("gone", "FATAL", "FATAL", sqlState)));
    }

    [Theory]
    [InlineData("23505")]   // unique_violation
    [InlineData("23502")]   // not_null_violation
    [InlineData("42P01")]   // undefined_table
    [InlineData("42601")]   // syntax_error
    [InlineData("40001")]   // serialization_failure: the connection is fine
    [InlineData("57014")]   // query_canceled
    public void ErrorsInTheCommandItself_AreNotConnectionLoss(string sqlState)
    {
        Assert.False(PostgresConnectionFailures.IsConnectionLost(new PostgresException("bad", "ERROR", "ERROR", sqlState)));
    }

    [Fact]
    public void DriverErrors_CausedByTheNetwork_AreConnectionLoss()
    {
        Assert.True(PostgresConnectionFailures.IsConnectionLost(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.True(PostgresConnectionFailures.IsConnectionLost(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.True(PostgresConnectionFailures.IsConnectionLost(new NpgsqlException("Exception while writing to stream", new IOException("reset"))));
        Assert.True(PostgresConnectionFailures.IsConnectionLost(new NpgsqlException("Timeout", new TimeoutException())));
    }

    [Fact]
    public void OtherErrors_AreNotConnectionLoss()
    {
        Assert.False(PostgresConnectionFailures.IsConnectionLost(new NpgsqlException("The parameter is missing")));
        Assert.False(PostgresConnectionFailures.IsConnectionLost(new InvalidOperationException("A subscription with id 'x' exists.")));
        Assert.False(PostgresConnectionFailures.IsConnectionLost(new FormatException()));
    }
}
