namespace PolicyBot.Core.Tests.Contracts;

// The contract suite (linked from PolicyBot.Core.Tests/Contracts) marks its tests [Fact] and [Theory]. Inside its namespace
// these two types are found before Xunit's (C# looks in the enclosing namespace before using directives), so in this
// assembly every contract test is gated on QDRANT_ENDPOINT: without it, each one is reported as skipped with the reason
// below instead of silently passing. The embedded leg in PolicyBot.Core.Tests keeps xunit's own attributes.

/// <summary>A contract fact that needs a Qdrant server; skipped, with the reason, when QDRANT_ENDPOINT is unset.</summary>
public sealed class FactAttribute : Xunit.FactAttribute
{
    public FactAttribute()
    {
        if (QdrantTestServer.Endpoint is null) Skip = QdrantTestServer.SkipReason;
    }
}

/// <summary>A contract theory that needs a Qdrant server; skipped, with the reason, when QDRANT_ENDPOINT is unset.</summary>
public sealed class TheoryAttribute : Xunit.TheoryAttribute
{
    public TheoryAttribute()
    {
        if (QdrantTestServer.Endpoint is null) Skip = QdrantTestServer.SkipReason;
    }
}

/// <summary>The Qdrant server the integration tests use: QDRANT_ENDPOINT (gRPC, e.g. http://localhost:6334) and QDRANT_API_KEY.</summary>
public static class QdrantTestServer
{
    public const string SkipReason = "QDRANT_ENDPOINT is not set: the Qdrant leg of the index contract needs a Qdrant server (gRPC, e.g. http://localhost:6334)";

    public static string? Endpoint => Environment.GetEnvironmentVariable("QDRANT_ENDPOINT") is { Length: > 0 } endpoint ? endpoint : null;

    public static string? ApiKey => Environment.GetEnvironmentVariable("QDRANT_API_KEY") is { Length: > 0 } key ? key : null;
}
