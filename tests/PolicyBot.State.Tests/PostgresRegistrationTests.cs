using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Core.Feedback;
using PolicyBot.Core.Ingestion;
using PolicyBot.Core.State;
using PolicyBot.State.Postgres;

namespace PolicyBot.State.Tests;

/// <summary>What needs no server: registration and connection-string checks.</summary>
public sealed class PostgresRegistrationTests
{
    [Fact]
    public void AddPolicyBotPostgresState_RegistersEveryStoreOverOneDatabase()
    {
        var services = new ServiceCollection().AddPolicyBotPostgresState(_ => "Host=127.0.0.1;Port=1;Database=none");

        Assert.Equal(typeof(PostgresSubscriptionStore), services.Single(d => d.ServiceType == typeof(ISubscriptionStore)).ImplementationType);
        Assert.Equal(typeof(PostgresDeliveryLog), services.Single(d => d.ServiceType == typeof(IDeliveryLog)).ImplementationType);
        Assert.Equal(typeof(PostgresIngestionHistory), services.Single(d => d.ServiceType == typeof(IIngestionHistory)).ImplementationType);
        Assert.Equal(typeof(PostgresFeedbackStore), services.Single(d => d.ServiceType == typeof(IFeedbackStore)).ImplementationType);
        Assert.Equal(typeof(PostgresQuestionLog), services.Single(d => d.ServiceType == typeof(IQuestionLog)).ImplementationType);
        Assert.Equal(typeof(PostgresConversationAddressStore), services.Single(d => d.ServiceType == typeof(IConversationAddressStore)).ImplementationType);
        Assert.Equal(typeof(PostgresFetchValidatorStore), services.Single(d => d.ServiceType == typeof(IFetchValidatorStore)).ImplementationType);
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }

    [Fact]
    public void PostgresStateDatabase_MalformedConnectionString_FailsAtConstruction()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PostgresStateDatabase("Host=127.0.0.1;NoSuchKeyword=1"));
    }
}
