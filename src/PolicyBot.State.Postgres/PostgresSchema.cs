namespace PolicyBot.State.Postgres;

/// <summary>The tables, the same as the SQLite state file's, with native types (timestamptz, text[], jsonb).</summary>
internal static class PostgresSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS briefing_subscriptions (
            id text PRIMARY KEY, platform text NOT NULL, channel_id text NOT NULL,
            kind text NOT NULL, at text, day integer, cron text, time_zone text NOT NULL,
            jurisdictions text[] NOT NULL, materials text[] NOT NULL, skip_when_empty boolean NOT NULL,
            created_by text NOT NULL, created_at timestamptz NOT NULL, last_briefing_at timestamptz);
        CREATE INDEX IF NOT EXISTS briefing_subscriptions_channel ON briefing_subscriptions (platform, channel_id);
        CREATE TABLE IF NOT EXISTS briefing_deliveries (
            subscription_id text NOT NULL, slot timestamptz NOT NULL, delivery_id text NOT NULL, status text NOT NULL,
            instance_id text, lease_until timestamptz NOT NULL, attempts integer NOT NULL, delivered_at timestamptz,
            PRIMARY KEY (subscription_id, slot));
        CREATE TABLE IF NOT EXISTS ingestion_history (
            seq bigserial PRIMARY KEY, document_id text NOT NULL, title text NOT NULL, kind text NOT NULL,
            before_json jsonb, after_json jsonb, at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS ingestion_history_at ON ingestion_history (at);
        """;
}
