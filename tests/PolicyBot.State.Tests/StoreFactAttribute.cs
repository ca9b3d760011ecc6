namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>The store contracts (linked from PolicyBot.Core.Tests) run here against PostgreSQL, so they skip without one.</summary>
public sealed class StoreFactAttribute : FactAttribute
{
    public StoreFactAttribute()
    {
        if (PolicyBot.State.Tests.PostgresTestDatabase.ConnectionString is null) Skip = PolicyBot.State.Tests.PostgresTestDatabase.MissingReason;
    }
}
