-- Credentials join the authorization version (issue 17): the authenticator caches access keys and sessions by
-- `authorization_version`, so every change that can make a cached credential wrong must bump it. Only updates,
-- deletes and truncates can (a cache never holds a key that did not exist yet), so issuing credentials —
-- assumeRole, createAccessKey — leaves the version, and every other cache, alone. The scope `credentials`
-- names no account: the access index has nothing to reload for it.
CREATE FUNCTION "authorization_changed_credentials"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  -- Separate branches: a TRUNCATE trigger has no transition table, and plpgsql plans `changed` only when reached.
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM "authorization_record"('{"kind":"credentials"}'::JSONB);
  ELSIF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM "authorization_record"('{"kind":"credentials"}'::JSONB);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "access_key_authorization_update" AFTER UPDATE ON "access_key" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "authorization_changed_credentials"();
CREATE TRIGGER "access_key_authorization_delete" AFTER DELETE ON "access_key" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "authorization_changed_credentials"();
CREATE TRIGGER "access_key_authorization_truncate" AFTER TRUNCATE ON "access_key"
  FOR EACH STATEMENT EXECUTE FUNCTION "authorization_changed_credentials"();
CREATE TRIGGER "session_authorization_update" AFTER UPDATE ON "session" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "authorization_changed_credentials"();
CREATE TRIGGER "session_authorization_delete" AFTER DELETE ON "session" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION "authorization_changed_credentials"();
CREATE TRIGGER "session_authorization_truncate" AFTER TRUNCATE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION "authorization_changed_credentials"();
