-- The authorization index's version counter and change log (src/features/access). Every write that can
-- change an authorization decision bumps the single counter row in its own transaction and logs its scope
-- (triggers below do it for every table the index reads, so no writer can forget), so a reader compares one
-- number before answering and rebuilds only the accounts logged since its version. The row lock on the
-- counter serialises writers, so versions follow commit order without gaps.

-- CreateTable
CREATE TABLE "authorization_version" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "authorization_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "authorization_change" (
    "version" BIGINT NOT NULL,
    "scope" JSONB NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "authorization_change_pkey" PRIMARY KEY ("version")
);

INSERT INTO "authorization_version" ("id", "version") VALUES (1, 0);

-- Records one authorization change: bump the counter (its row lock orders concurrent writers), log the scope,
-- keep the last 10,000 log rows, and NOTIFY listening processes (delivered when the transaction commits).
CREATE FUNCTION "authorization_record"(change_scope JSONB) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  next_version BIGINT;
BEGIN
  UPDATE "authorization_version" SET "version" = "version" + 1, "updated_at" = now() WHERE "id" = 1 RETURNING "version" INTO next_version;
  INSERT INTO "authorization_change" ("version", "scope") VALUES (next_version, change_scope);
  DELETE FROM "authorization_change" WHERE "version" <= next_version - 10000;
  PERFORM pg_notify('iam_authorization_changed', next_version::TEXT);
END $$;

-- Records a change to some accounts' IAM data, or to everything (an AWS managed policy is shared by all).
CREATE FUNCTION "authorization_record_accounts"(account_ids TEXT[], everything BOOLEAN) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  ids TEXT[] := ARRAY(SELECT DISTINCT a FROM unnest(account_ids) AS a WHERE a IS NOT NULL ORDER BY a);
BEGIN
  IF everything THEN
    PERFORM "authorization_record"('{"kind":"all"}'::JSONB);
  ELSIF cardinality(ids) > 0 THEN
    PERFORM "authorization_record"(jsonb_build_object('kind', 'accounts', 'accountIds', to_jsonb(ids)));
  END IF;
END $$;

-- Statement-level triggers read the changed rows from the transition table `changed`, so a bulk write
-- records one change per statement, scoped to the accounts it touched.
CREATE FUNCTION "authorization_changed_by_account"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "authorization_record_accounts"(ARRAY(SELECT "account_id" FROM changed), FALSE);
  RETURN NULL;
END $$;

CREATE FUNCTION "authorization_changed_managed_policy"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "authorization_record_accounts"(ARRAY(SELECT "account_id" FROM changed), EXISTS (SELECT 1 FROM changed WHERE "account_id" IS NULL));
  RETURN NULL;
END $$;

CREATE FUNCTION "authorization_changed_policy_version"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "authorization_record_accounts"(
    ARRAY(SELECT mp."account_id" FROM changed JOIN "managed_policy" mp ON mp."id" = changed."policy_id"),
    EXISTS (SELECT 1 FROM changed JOIN "managed_policy" mp ON mp."id" = changed."policy_id" WHERE mp."account_id" IS NULL));
  RETURN NULL;
END $$;

-- Inline policies and attachments belong to a user, group or role; when the owner is already gone (a
-- cascading delete), the owner's own trigger has recorded its account.
CREATE FUNCTION "authorization_changed_by_owner"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "authorization_record_accounts"(ARRAY(
    SELECT coalesce(u."account_id", g."account_id", r."account_id") FROM changed
      LEFT JOIN "iam_user" u ON u."id" = changed."user_id"
      LEFT JOIN "iam_group" g ON g."id" = changed."group_id"
      LEFT JOIN "iam_role" r ON r."id" = changed."role_id"), FALSE);
  RETURN NULL;
END $$;

CREATE FUNCTION "authorization_changed_tag"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "authorization_record_accounts"(ARRAY(
    SELECT coalesce(u."account_id", r."account_id", res."account_id") FROM changed
      LEFT JOIN "iam_user" u ON u."id" = changed."user_id"
      LEFT JOIN "iam_role" r ON r."id" = changed."role_id"
      LEFT JOIN "resource" res ON res."id" = changed."resource_id"), FALSE);
  RETURN NULL;
END $$;

CREATE FUNCTION "authorization_changed_membership"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "authorization_record_accounts"(ARRAY(
    SELECT g."account_id" FROM changed JOIN "iam_group" g ON g."id" = changed."group_id"), FALSE);
  RETURN NULL;
END $$;

-- Organizations, OUs, accounts and SCP/RCPs: every index re-reads these whole on any change.
CREATE FUNCTION "authorization_changed_organization"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM "authorization_record"('{"kind":"organization"}'::JSONB);
  END IF;
  RETURN NULL;
END $$;

-- TRUNCATE says nothing about which rows went: everything is rebuilt.
CREATE FUNCTION "authorization_changed_all"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "authorization_record"('{"kind":"all"}'::JSONB);
  RETURN NULL;
END $$;

DO $$
DECLARE
  spec TEXT[];
  specs TEXT[][] := ARRAY[
    ARRAY['iam_user', 'authorization_changed_by_account'],
    ARRAY['iam_group', 'authorization_changed_by_account'],
    ARRAY['iam_role', 'authorization_changed_by_account'],
    ARRAY['resource', 'authorization_changed_by_account'],
    ARRAY['managed_policy', 'authorization_changed_managed_policy'],
    ARRAY['policy_version', 'authorization_changed_policy_version'],
    ARRAY['inline_policy', 'authorization_changed_by_owner'],
    ARRAY['policy_attachment', 'authorization_changed_by_owner'],
    ARRAY['tag', 'authorization_changed_tag'],
    ARRAY['group_membership', 'authorization_changed_membership'],
    ARRAY['organization', 'authorization_changed_organization'],
    ARRAY['organizational_unit', 'authorization_changed_organization'],
    ARRAY['account', 'authorization_changed_organization'],
    ARRAY['organization_policy', 'authorization_changed_organization'],
    ARRAY['organization_policy_attachment', 'authorization_changed_organization']
  ];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY specs LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      spec[1] || '_authorization_insert', spec[1], spec[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      spec[1] || '_authorization_update', spec[1], spec[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION %I()',
      spec[1] || '_authorization_delete', spec[1], spec[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "authorization_changed_all"()',
      spec[1] || '_authorization_truncate', spec[1]);
  END LOOP;
END $$;
