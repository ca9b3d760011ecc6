namespace PolicyBot.Core.Tests.State.Contracts;

/// <summary>
/// A store contract test. The contract classes are compiled into PolicyBot.State.Tests too, where this attribute's twin skips
/// the tests when no PostgreSQL is configured; here every store is in-process, so it is a plain fact.
/// </summary>
public sealed class StoreFactAttribute : FactAttribute;
