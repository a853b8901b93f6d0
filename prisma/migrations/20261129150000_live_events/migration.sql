-- Live events for GraphQL subscriptions (src/features/live): every audit event and every issued session is
-- announced by NOTIFY, delivered when the writer's transaction commits, so any process serving subscriptions
-- on the same Postgres hears of writes made by any other. The payload is the row's id; listeners load the row.

CREATE FUNCTION "live_notify_audit_event"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('iam_audit_event', NEW."id"::TEXT);
  RETURN NULL;
END $$;

CREATE TRIGGER "audit_event_live_notify" AFTER INSERT ON "audit_event" FOR EACH ROW EXECUTE FUNCTION "live_notify_audit_event"();

CREATE FUNCTION "live_notify_session_issued"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('iam_session_issued', NEW."id");
  RETURN NULL;
END $$;

CREATE TRIGGER "session_live_notify" AFTER INSERT ON "session" FOR EACH ROW EXECUTE FUNCTION "live_notify_session_issued"();
