// Centre scope a second time, inside the database (issue 13): row-level security on every participant-level
// table, for an application that connects as a non-owner role and names the caller's centre in the setting
// `trialdesk.centre` (engine/centre-scope.ts, engine/scoped-dialect.ts). A bug in one query then cannot
// read or write another centre's rows: PostgreSQL filters them out.
//
// SQLite has no row-level security and no roles: its form of this migration changes nothing. There the API's
// own checks (packages/api/src/access/centre-scope.ts) are the only scope, as they were.
export const rowLevelSecuritySqlite = `
-- Row-level security and roles exist on PostgreSQL only; on SQLite this migration changes nothing.
SELECT 1;
`;

/**
 * - trialdesk_app: a NOLOGIN role granted to the login user (roles belong to the whole cluster, so it is
 *   made once and shared by every Trialdesk database on it). A login user that may not create roles needs
 *   an administrator to make it first (README, "Running on PostgreSQL").
 * - trialdesk_centre_policy(table): enables and forces row-level security on a table with a `centre` column
 *   (or, without one, a `participant_id`) and gives it the policy `centre_scope`: rows of no centre, and
 *   every row for the scope 'all'. Later migrations call it for each participant-level table they add.
 * - Every table with a centre or participant column (centre, participant_id, participant, study_id) is found by query and given the policy; query_steps
 *   (the text of a data query) and sae_follow_ups (an SAE's follow-up reports) follow their parent's.
 */
export const rowLevelSecurityPostgres = `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trialdesk_app') THEN
    BEGIN
      CREATE ROLE trialdesk_app NOLOGIN NOBYPASSRLS;
    EXCEPTION
      -- Another database of the same cluster made it a moment ago.
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN RAISE EXCEPTION
        'Trialdesk needs the role trialdesk_app. As a PostgreSQL administrator run: CREATE ROLE trialdesk_app NOLOGIN; GRANT trialdesk_app TO %;', quote_ident(current_user);
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'trialdesk_app', 'MEMBER') THEN
    EXECUTE format('GRANT trialdesk_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO trialdesk_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO trialdesk_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO trialdesk_app;
-- Tables and sequences that later migrations (run by this same owner) create are the application's too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO trialdesk_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO trialdesk_app;

CREATE FUNCTION trialdesk_centre_policy(target regclass) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  scope_column text;
  rule text;
BEGIN
  SELECT a.attname INTO scope_column FROM pg_attribute a
  WHERE a.attrelid = target AND a.attname IN ('centre', 'participant_id') AND NOT a.attisdropped
  ORDER BY a.attname = 'centre' DESC LIMIT 1;
  IF scope_column = 'centre' THEN
    rule := $r$centre IS NULL OR current_setting('trialdesk.centre', true) IN ('all', centre)$r$;
  ELSIF scope_column = 'participant_id' THEN
    -- The participant's own row decides, under the participants table's policy.
    rule := $r$current_setting('trialdesk.centre', true) = 'all' OR participant_id IN (SELECT id FROM participants)$r$;
  ELSE
    RAISE EXCEPTION 'table % has neither a centre nor a participant_id column: write its policy by hand', target;
  END IF;
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('CREATE POLICY centre_scope ON %s USING (%s) WITH CHECK (%s)', target, rule, rule);
END $fn$;
REVOKE EXECUTE ON FUNCTION trialdesk_centre_policy(regclass) FROM PUBLIC;

DO $$
DECLARE t regclass;
BEGIN
  FOR t IN
    SELECT DISTINCT c.oid::regclass FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND NOT a.attisdropped
    WHERE c.relkind = 'r' AND a.attname IN ('centre', 'participant_id', 'participant', 'study_id')
  LOOP
    PERFORM trialdesk_centre_policy(t);
  END LOOP;
END $$;

-- Children without a centre of their own follow their parent's visibility: a data query's steps, an SAE's
-- follow-up reports.
ALTER TABLE query_steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE query_steps FORCE ROW LEVEL SECURITY;
CREATE POLICY centre_scope ON query_steps
  USING (current_setting('trialdesk.centre', true) = 'all' OR query_id IN (SELECT id FROM queries))
  WITH CHECK (current_setting('trialdesk.centre', true) = 'all' OR query_id IN (SELECT id FROM queries));

ALTER TABLE sae_follow_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE sae_follow_ups FORCE ROW LEVEL SECURITY;
CREATE POLICY centre_scope ON sae_follow_ups
  USING (current_setting('trialdesk.centre', true) = 'all' OR sae_id IN (SELECT id FROM serious_adverse_events))
  WITH CHECK (current_setting('trialdesk.centre', true) = 'all' OR sae_id IN (SELECT id FROM serious_adverse_events));
`;
