-- Rules Prisma's schema language cannot express. `prisma migrate deploy` applies this file as written;
-- test/db/schemaMatchesPrisma.test.ts lists every object created here so drift is noticed.

-- AWS account ids are exactly twelve digits.
ALTER TABLE "account" ADD CONSTRAINT "account_id_check" CHECK ("id" ~ '^[0-9]{12}$');

-- IAM names: [\w+=,.@-]+ with ASCII word characters; users and roles up to 64, groups and policies up to 128.
-- name_key is the lower-cased name, which makes the (account_id, name_key) unique indexes case-insensitive.
ALTER TABLE "iam_user" ADD CONSTRAINT "iam_user_name_check" CHECK ("name" ~ '^[A-Za-z0-9_+=,.@-]+$' AND char_length("name") BETWEEN 1 AND 64);
ALTER TABLE "iam_user" ADD CONSTRAINT "iam_user_name_key_check" CHECK ("name_key" = lower("name"));
ALTER TABLE "iam_user" ADD CONSTRAINT "iam_user_path_check" CHECK ("path" ~ '^(/|/[!-~]+/)$' AND char_length("path") <= 512);

ALTER TABLE "iam_group" ADD CONSTRAINT "iam_group_name_check" CHECK ("name" ~ '^[A-Za-z0-9_+=,.@-]+$' AND char_length("name") BETWEEN 1 AND 128);
ALTER TABLE "iam_group" ADD CONSTRAINT "iam_group_name_key_check" CHECK ("name_key" = lower("name"));
ALTER TABLE "iam_group" ADD CONSTRAINT "iam_group_path_check" CHECK ("path" ~ '^(/|/[!-~]+/)$' AND char_length("path") <= 512);

ALTER TABLE "iam_role" ADD CONSTRAINT "iam_role_name_check" CHECK ("name" ~ '^[A-Za-z0-9_+=,.@-]+$' AND char_length("name") BETWEEN 1 AND 64);
ALTER TABLE "iam_role" ADD CONSTRAINT "iam_role_name_key_check" CHECK ("name_key" = lower("name"));
ALTER TABLE "iam_role" ADD CONSTRAINT "iam_role_path_check" CHECK ("path" ~ '^(/|/[!-~]+/)$' AND char_length("path") <= 512);
-- A role's maximum session duration is one to twelve hours.
ALTER TABLE "iam_role" ADD CONSTRAINT "iam_role_max_session_duration_check" CHECK ("max_session_duration" BETWEEN 3600 AND 43200);

ALTER TABLE "managed_policy" ADD CONSTRAINT "managed_policy_name_check" CHECK ("name" ~ '^[A-Za-z0-9_+=,.@-]+$' AND char_length("name") BETWEEN 1 AND 128);
ALTER TABLE "managed_policy" ADD CONSTRAINT "managed_policy_name_key_check" CHECK ("name_key" = lower("name"));
ALTER TABLE "managed_policy" ADD CONSTRAINT "managed_policy_path_check" CHECK ("path" ~ '^(/|/[!-~]+/)$' AND char_length("path") <= 512);
-- AWS managed policies have no account, so the (account_id, name_key) index cannot see their duplicates.
CREATE UNIQUE INDEX "managed_policy_aws_name_key_key" ON "managed_policy"("name_key") WHERE "account_id" IS NULL;

-- Version ids are v1, v2, ...; at most one version of a policy is the default.
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_version_id_check" CHECK ("version_id" ~ '^v[1-9][0-9]*$');
CREATE UNIQUE INDEX "policy_version_one_default_key" ON "policy_version"("policy_id") WHERE "is_default";

-- An inline policy or a policy attachment belongs to exactly one principal, the one principal_kind names.
ALTER TABLE "inline_policy" ADD CONSTRAINT "inline_policy_owner_check" CHECK (
    num_nonnulls("user_id", "group_id", "role_id") = 1
    AND ("principal_kind" = 'USER') = ("user_id" IS NOT NULL)
    AND ("principal_kind" = 'GROUP') = ("group_id" IS NOT NULL)
    AND ("principal_kind" = 'ROLE') = ("role_id" IS NOT NULL)
);
ALTER TABLE "inline_policy" ADD CONSTRAINT "inline_policy_name_check" CHECK ("name" ~ '^[A-Za-z0-9_+=,.@-]+$' AND char_length("name") BETWEEN 1 AND 128);
ALTER TABLE "inline_policy" ADD CONSTRAINT "inline_policy_name_key_check" CHECK ("name_key" = lower("name"));

ALTER TABLE "policy_attachment" ADD CONSTRAINT "policy_attachment_owner_check" CHECK (
    num_nonnulls("user_id", "group_id", "role_id") = 1
    AND ("principal_kind" = 'USER') = ("user_id" IS NOT NULL)
    AND ("principal_kind" = 'GROUP') = ("group_id" IS NOT NULL)
    AND ("principal_kind" = 'ROLE') = ("role_id" IS NOT NULL)
);

-- A tag is on exactly one user, role or resource; keys are unique case-insensitively through key_lower.
ALTER TABLE "tag" ADD CONSTRAINT "tag_owner_check" CHECK (num_nonnulls("user_id", "role_id", "resource_id") = 1);
ALTER TABLE "tag" ADD CONSTRAINT "tag_key_lower_check" CHECK ("key_lower" = lower("key"));
ALTER TABLE "tag" ADD CONSTRAINT "tag_key_check" CHECK (char_length("key") BETWEEN 1 AND 128 AND char_length("value") <= 256);

-- An organization has one root: the unit without a parent (NULLs never collide in the composite unique index).
CREATE UNIQUE INDEX "organizational_unit_one_root_key" ON "organizational_unit"("organization_id") WHERE "parent_id" IS NULL;
