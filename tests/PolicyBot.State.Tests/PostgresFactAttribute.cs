namespace PolicyBot.State.Tests;

/// <summary>A fact that needs the PostgreSQL named by POLICYBOT_TEST_POSTGRES (.ci/run starts one); skipped, saying so, without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.ConnectionString is null) Skip = PostgresTestDatabase.MissingReason;
    }
}

/// <summary>A theory that needs the PostgreSQL named by POLICYBOT_TEST_POSTGRES; skipped, saying so, without it.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresTestDatabase.ConnectionString is null) Skip = PostgresTestDatabase.MissingReason;
    }
}
