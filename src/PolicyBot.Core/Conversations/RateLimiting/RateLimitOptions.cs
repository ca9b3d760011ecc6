using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Core.Conversations.RateLimiting;

/// <summary>
/// How many questions one user and one channel may ask: a token bucket each, refilled at
/// <see cref="RateLimitRule.QuestionsPerMinute"/> and holding at most <see cref="RateLimitRule.Burst"/>.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "PolicyBot:RateLimits";

    /// <summary>Off for load tests or a private deployment; on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per user (on the web: per client address).</summary>
    public RateLimitRule PerUser { get; set; } = new() { QuestionsPerMinute = 20, Burst = 20 };

    /// <summary>Per channel or conversation (Discord channel, Teams conversation, web conversation id).</summary>
    public RateLimitRule PerChannel { get; set; } = new() { QuestionsPerMinute = 60, Burst = 40 };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, rule) in new[] { (nameof(PerUser), PerUser), (nameof(PerChannel), PerChannel) })
        {
            if (rule is null)
            {
                yield return new ValidationResult($"{Section}:{name} is missing.", [name]);
                continue;
            }
            if (rule.QuestionsPerMinute is < 1 or > RateLimitRule.MaxPerMinute)
                yield return new ValidationResult($"{Section}:{name}:QuestionsPerMinute must be between 1 and {RateLimitRule.MaxPerMinute}.", [name]);
            if (rule.Burst is < 1 or > RateLimitRule.MaxBurst)
                yield return new ValidationResult($"{Section}:{name}:Burst must be between 1 and {RateLimitRule.MaxBurst}.", [name]);
        }
    }
}

/// <summary>One token bucket's settings.</summary>
public sealed class RateLimitRule
{
    public const int MaxPerMinute = 100_000, MaxBurst = 100_000;

    /// <summary>Sustained rate: tokens added per minute.</summary>
    public int QuestionsPerMinute { get; set; }

    /// <summary>Questions that may come at once after a quiet spell (the bucket's size).</summary>
    public int Burst { get; set; }
}
