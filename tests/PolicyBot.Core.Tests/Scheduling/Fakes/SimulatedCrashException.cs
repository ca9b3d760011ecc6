namespace PolicyBot.Core.Tests.Scheduling.Fakes;

/// <summary>The process "dies" here: nothing after this point in the run happens.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
