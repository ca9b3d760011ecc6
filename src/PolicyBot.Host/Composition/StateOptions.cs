using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Host.Composition;

/// <summary>
/// Where the bot keeps what must survive restarts and re-ingestion: feedback votes, briefing subscriptions, the delivery log and
/// the ingestion history. SQLite (one file) by default; PostgreSQL for several instances behind a load balancer.
/// </summary>
public sealed class StateOptions : IValidatableObject
{
    public const string Section = "PolicyBot:State";

    /// <summary>The SQLite file (feedback always lives here; the rest too when <see cref="Provider"/> is sqlite).</summary>
    [Required] public string Path { get; set; } = ".policybot/state.db";

    public StateProvider Provider { get; set; } = StateProvider.Sqlite;

    /// <summary>Npgsql connection string, required when <see cref="Provider"/> is postgres; from user-secrets or the environment (PolicyBot__State__ConnectionString).</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
            yield return new ValidationResult($"{Section}:Provider must be 'sqlite' or 'postgres'.", [nameof(Provider)]);
        if (Provider == StateProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult($"{Section}:ConnectionString is required when {Section}:Provider is 'postgres'.", [nameof(ConnectionString)]);
    }
}

/// <summary>Bound case-insensitively: "sqlite" or "postgres".</summary>
public enum StateProvider { Sqlite, Postgres }
