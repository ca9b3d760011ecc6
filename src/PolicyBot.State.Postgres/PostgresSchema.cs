namespace PolicyBot.State.Postgres;

/// <summary>The tables, the same as the SQLite state file's, with native types (timestamptz, text[], jsonb, boolean).</summary>
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
        CREATE TABLE IF NOT EXISTS feedback (
            id bigserial PRIMARY KEY, platform text NOT NULL, conversation_id text NOT NULL, user_id text NOT NULL,
            reply_key text NOT NULL, helpful boolean NOT NULL, reason text, question text, answer text, cited text[] NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at);
        CREATE TABLE IF NOT EXISTS questions (
            id bigserial PRIMARY KEY, platform text NOT NULL, conversation_id text NOT NULL, user_id text NOT NULL,
            question text NOT NULL, refused boolean NOT NULL, reply_key text NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS questions_at ON questions (at);
        CREATE TABLE IF NOT EXISTS conversation_addresses (
            platform text NOT NULL, conversation_id text NOT NULL, reference jsonb NOT NULL, PRIMARY KEY (platform, conversation_id));
        CREATE TABLE IF NOT EXISTS feed_fetch_validators (
            url text PRIMARY KEY, etag text, last_modified text, document_ids text[], fetched_at timestamptz NOT NULL);
        """;
}
