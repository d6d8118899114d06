/**
 * The schema, as an ordered list of migrations per backend. A migration is never edited
 * once released: change the schema by appending one. Versions are recorded in
 * `schema_migrations`, so each runs once per database.
 *
 * Timestamps: ISO text in SQLite (ISO strings in UTC sort like the instants they name);
 * timestamptz in PostgreSQL. Calendar dates (due, published, day) are ISO text in both, so
 * no driver turns them into local-midnight Date objects.
 */

/** One schema step. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** SQLite schema history. */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: "actions, history, subscriptions, digest sends, conversation references",
    sql: `
      CREATE TABLE actions (
        id            TEXT PRIMARY KEY,
        short_id      TEXT NOT NULL,
        authority     TEXT NOT NULL,
        inspection_id TEXT NOT NULL,
        published     TEXT,
        service       TEXT,
        kind          TEXT NOT NULL,
        text          TEXT NOT NULL,
        timescale     TEXT,
        due           TEXT,
        citation      TEXT NOT NULL,
        status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done')),
        owner         TEXT,
        archived      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
      CREATE INDEX actions_short_id ON actions (short_id);
      CREATE INDEX actions_authority ON actions (lower(authority));
      CREATE TABLE action_changes (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        action_id  TEXT NOT NULL REFERENCES actions (id),
        at         TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        field      TEXT NOT NULL CHECK (field IN ('status', 'owner', 'archived')),
        from_value TEXT,
        to_value   TEXT
      );
      CREATE INDEX action_changes_action ON action_changes (action_id, seq);
      CREATE TABLE subscriptions (
        platform    TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
        destination TEXT NOT NULL,
        send_time   TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (platform, destination)
      );
      CREATE TABLE digest_sends (
        platform    TEXT NOT NULL,
        destination TEXT NOT NULL,
        day         TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('claimed', 'failed', 'sent')),
        claimed_by  TEXT NOT NULL,
        lease_until TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 1,
        last_error  TEXT,
        sent_at     TEXT,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (platform, destination, day)
      );
      CREATE TABLE conversation_references (
        conversation_id TEXT PRIMARY KEY,
        reference       TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "unanswered questions and feedback votes",
    sql: `
      CREATE TABLE unanswered_questions (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        platform       TEXT NOT NULL,
        question       TEXT NOT NULL,
        wording        TEXT NOT NULL,
        kind           TEXT NOT NULL,
        reason         TEXT NOT NULL,
        not_understood TEXT NOT NULL,
        asked_at       TEXT NOT NULL
      );
      CREATE INDEX unanswered_questions_asked ON unanswered_questions (asked_at);
      CREATE TABLE feedback_votes (
        answer_id  TEXT NOT NULL,
        platform   TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        vote       TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        comment    TEXT,
        question   TEXT NOT NULL,
        kind       TEXT NOT NULL,
        answered   INTEGER NOT NULL,
        citations  TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, platform, user_id)
      );
      CREATE INDEX feedback_votes_updated ON feedback_votes (updated_at);
    `,
  },
  {
    version: 3,
    name: "action aliases (ids an action was known by before); chat deliveries already answered",
    sql: `
      CREATE TABLE action_aliases (
        alias       TEXT PRIMARY KEY,
        alias_short TEXT NOT NULL,
        action_id   TEXT NOT NULL REFERENCES actions (id),
        created_at  TEXT NOT NULL
      );
      CREATE INDEX action_aliases_short ON action_aliases (alias_short);
      CREATE INDEX action_aliases_action ON action_aliases (action_id);
      CREATE TABLE seen_deliveries (
        delivery_key TEXT PRIMARY KEY,
        expires_at   TEXT NOT NULL
      );
      CREATE INDEX seen_deliveries_expiry ON seen_deliveries (expires_at);
    `,
  },
  {
    version: 4,
    name: "actions superseded by a later inspection of the same authority",
    sql: `ALTER TABLE actions ADD COLUMN superseded_by TEXT;`,
  },
  {
    version: 5,
    name: "the date an action's inspection started; digest subscriptions scoped to some authorities",
    sql: `
      ALTER TABLE actions ADD COLUMN inspected TEXT;
      ALTER TABLE subscriptions ADD COLUMN authorities TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    version: 6,
    name: "the question a conversation's follow-ups build on, for a short while",
    sql: `
      CREATE TABLE follow_up_contexts (
        context_key TEXT PRIMARY KEY,
        question    TEXT NOT NULL,
        expires_at  TEXT NOT NULL
      );
      CREATE INDEX follow_up_contexts_expiry ON follow_up_contexts (expires_at);
    `,
  },
];

/** PostgreSQL schema history (same tables, native types). */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: "actions, history, subscriptions, digest sends, conversation references",
    sql: `
      CREATE TABLE actions (
        id            text PRIMARY KEY,
        short_id      text NOT NULL,
        authority     text NOT NULL,
        inspection_id text NOT NULL,
        published     text,
        service       text,
        kind          text NOT NULL,
        text          text NOT NULL,
        timescale     text,
        due           text,
        citation      jsonb NOT NULL,
        status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done')),
        owner         text,
        archived      boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL
      );
      CREATE INDEX actions_short_id ON actions (short_id text_pattern_ops);
      CREATE INDEX actions_authority ON actions (lower(authority));
      CREATE TABLE action_changes (
        seq        bigserial PRIMARY KEY,
        action_id  text NOT NULL REFERENCES actions (id),
        at         timestamptz NOT NULL,
        changed_by text NOT NULL,
        field      text NOT NULL CHECK (field IN ('status', 'owner', 'archived')),
        from_value text,
        to_value   text
      );
      CREATE INDEX action_changes_action ON action_changes (action_id, seq);
      CREATE TABLE subscriptions (
        platform    text NOT NULL CHECK (platform IN ('slack', 'teams')),
        destination text NOT NULL,
        send_time   text NOT NULL,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL,
        PRIMARY KEY (platform, destination)
      );
      CREATE TABLE digest_sends (
        platform    text NOT NULL,
        destination text NOT NULL,
        day         text NOT NULL,
        state       text NOT NULL CHECK (state IN ('claimed', 'failed', 'sent')),
        claimed_by  text NOT NULL,
        lease_until timestamptz NOT NULL,
        attempts    integer NOT NULL DEFAULT 1,
        last_error  text,
        sent_at     timestamptz,
        updated_at  timestamptz NOT NULL,
        PRIMARY KEY (platform, destination, day)
      );
      CREATE TABLE conversation_references (
        conversation_id text PRIMARY KEY,
        reference       jsonb NOT NULL,
        updated_at      timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "unanswered questions and feedback votes",
    sql: `
      CREATE TABLE unanswered_questions (
        seq            bigserial PRIMARY KEY,
        platform       text NOT NULL,
        question       text NOT NULL,
        wording        text NOT NULL,
        kind           text NOT NULL,
        reason         text NOT NULL,
        not_understood jsonb NOT NULL,
        asked_at       timestamptz NOT NULL
      );
      CREATE INDEX unanswered_questions_asked ON unanswered_questions (asked_at);
      CREATE TABLE feedback_votes (
        answer_id  text NOT NULL,
        platform   text NOT NULL,
        user_id    text NOT NULL,
        vote       text NOT NULL CHECK (vote IN ('up', 'down')),
        comment    text,
        question   text NOT NULL,
        kind       text NOT NULL,
        answered   boolean NOT NULL,
        citations  jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (answer_id, platform, user_id)
      );
      CREATE INDEX feedback_votes_updated ON feedback_votes (updated_at);
    `,
  },
  {
    version: 3,
    name: "action aliases (ids an action was known by before); chat deliveries already answered",
    sql: `
      CREATE TABLE action_aliases (
        alias       text PRIMARY KEY,
        alias_short text NOT NULL,
        action_id   text NOT NULL REFERENCES actions (id),
        created_at  timestamptz NOT NULL
      );
      CREATE INDEX action_aliases_short ON action_aliases (alias_short text_pattern_ops);
      CREATE INDEX action_aliases_lower ON action_aliases (lower(alias) text_pattern_ops);
      CREATE INDEX action_aliases_action ON action_aliases (action_id);
      CREATE TABLE seen_deliveries (
        delivery_key text PRIMARY KEY,
        expires_at   timestamptz NOT NULL
      );
      CREATE INDEX seen_deliveries_expiry ON seen_deliveries (expires_at);
    `,
  },
  {
    version: 4,
    name: "actions superseded by a later inspection of the same authority",
    sql: `ALTER TABLE actions ADD COLUMN superseded_by jsonb;`,
  },
  {
    version: 5,
    name: "the date an action's inspection started; digest subscriptions scoped to some authorities",
    sql: `
      ALTER TABLE actions ADD COLUMN inspected text;
      ALTER TABLE subscriptions ADD COLUMN authorities jsonb NOT NULL DEFAULT '[]'::jsonb;
    `,
  },
  {
    version: 6,
    name: "the question a conversation's follow-ups build on, for a short while",
    sql: `
      CREATE TABLE follow_up_contexts (
        context_key text PRIMARY KEY,
        question    text NOT NULL,
        expires_at  timestamptz NOT NULL
      );
      CREATE INDEX follow_up_contexts_expiry ON follow_up_contexts (expires_at);
    `,
  },
];
