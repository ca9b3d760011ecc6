using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PolicyBot.Core.Retrieval;

namespace PolicyBot.Qdrant.Tests;

public sealed class QdrantRegistrationTests
{
    [Fact]
    public void AddQdrantIndex_ValidSettings_MakesQdrantTheIndexWithAReadinessCheck()
    {
        using var provider = Build(new() { ["Qdrant:Endpoint"] = "http://qdrant:6334", ["Qdrant:ApiKey"] = "secret" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var index = Assert.IsType<QdrantPassageIndex>(provider.GetRequiredService<IPassageIndex>());
        Assert.Equal("policybot", index.Collection);
        var registration = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single();
        Assert.Equal(QdrantHealthCheck.Name, registration.Name);
        Assert.Contains(QdrantHealthCheck.ReadyTag, registration.Tags);
    }

    [Theory]
    [InlineData(null, "policybot", "Qdrant:Endpoint is required")]
    [InlineData("localhost:6334", "policybot", "Qdrant:Endpoint must be an http:// or https:// URL")]
    [InlineData("http://localhost:6333", "policybot", "Qdrant:Endpoint points at port 6333")]
    [InlineData("http://localhost:6334", "bad name!", "Qdrant:Collection must be")]
    public void AddQdrantIndex_InvalidSettings_FailAtStartupNamingTheKey(string? endpoint, string collection, string message)
    {
        using var provider = Build(new() { ["Qdrant:Endpoint"] = endpoint, ["Qdrant:Collection"] = collection });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddQdrantIndex(configuration);
        return services.BuildServiceProvider();
    }
}
