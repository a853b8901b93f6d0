-- CreateEnum
CREATE TYPE "OrganizationPolicyType" AS ENUM ('SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY');

-- CreateEnum
CREATE TYPE "PrincipalKind" AS ENUM ('USER', 'GROUP', 'ROLE');

-- CreateTable
CREATE TABLE "organization" (
    "id" TEXT NOT NULL,
    "management_account_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizational_unit" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizational_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "alias" TEXT,
    "organization_id" TEXT,
    "parent_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_policy" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "type" "OrganizationPolicyType" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "document" TEXT NOT NULL,
    "aws_managed" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_policy_attachment" (
    "policy_id" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_policy_attachment_pkey" PRIMARY KEY ("policy_id","target_id")
);

-- CreateTable
CREATE TABLE "iam_user" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "permissions_boundary_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "iam_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "iam_group" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "iam_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "group_membership" (
    "user_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_membership_pkey" PRIMARY KEY ("user_id","group_id")
);

-- CreateTable
CREATE TABLE "access_key" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT,
    "secret_encrypted" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'Active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "access_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mfa_device" (
    "serial_number" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "user_id" TEXT,
    "seed_encrypted" TEXT NOT NULL,
    "enabled_at" TIMESTAMPTZ(3),
    "last_counter" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mfa_device_pkey" PRIMARY KEY ("serial_number")
);

-- CreateTable
CREATE TABLE "iam_role" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "assume_role_policy_document" TEXT NOT NULL,
    "max_session_duration" INTEGER NOT NULL DEFAULT 3600,
    "permissions_boundary_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "iam_role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "managed_policy" (
    "id" TEXT NOT NULL,
    "account_id" TEXT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "managed_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_version" (
    "policy_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_version_pkey" PRIMARY KEY ("policy_id","version_id")
);

-- CreateTable
CREATE TABLE "inline_policy" (
    "id" TEXT NOT NULL,
    "principal_kind" "PrincipalKind" NOT NULL,
    "user_id" TEXT,
    "group_id" TEXT,
    "role_id" TEXT,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inline_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policy_attachment" (
    "id" TEXT NOT NULL,
    "policy_id" TEXT NOT NULL,
    "principal_kind" "PrincipalKind" NOT NULL,
    "user_id" TEXT,
    "group_id" TEXT,
    "role_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "policy_attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resource" (
    "id" TEXT NOT NULL,
    "arn" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "policy_document" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tag" (
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "role_id" TEXT,
    "resource_id" TEXT,
    "key" TEXT NOT NULL,
    "key_lower" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "role_id" TEXT,
    "user_id" TEXT,
    "parent_session_id" TEXT,
    "session_name" TEXT,
    "arn" TEXT NOT NULL,
    "assumed_role_id" TEXT,
    "caller_arn" TEXT NOT NULL,
    "secret_encrypted" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "source_identity" TEXT,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "transitive_tag_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "session_policy" TEXT,
    "policy_arns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "mfa_authenticated" BOOLEAN NOT NULL DEFAULT false,
    "mfa_authenticated_at" TIMESTAMPTZ(3),
    "chained" BOOLEAN NOT NULL DEFAULT false,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "event_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "event_name" TEXT NOT NULL,
    "account_id" TEXT,
    "principal_arn" TEXT,
    "access_key_id" TEXT,
    "session_id" TEXT,
    "source_identity" TEXT,
    "action" TEXT,
    "resource_arn" TEXT,
    "decision" TEXT NOT NULL,
    "error_code" TEXT,
    "error_message" TEXT,
    "source_ip" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_management_account_id_key" ON "organization"("management_account_id");

-- CreateIndex
CREATE INDEX "organizational_unit_parent_id_idx" ON "organizational_unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "organizational_unit_organization_id_parent_id_name_key" ON "organizational_unit"("organization_id", "parent_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "account_alias_key" ON "account"("alias");

-- CreateIndex
CREATE INDEX "account_organization_id_idx" ON "account"("organization_id");

-- CreateIndex
CREATE INDEX "account_parent_id_idx" ON "account"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "organization_policy_organization_id_type_name_key" ON "organization_policy"("organization_id", "type", "name");

-- CreateIndex
CREATE INDEX "organization_policy_attachment_target_id_idx" ON "organization_policy_attachment"("target_id");

-- CreateIndex
CREATE UNIQUE INDEX "iam_user_arn_key" ON "iam_user"("arn");

-- CreateIndex
CREATE INDEX "iam_user_permissions_boundary_id_idx" ON "iam_user"("permissions_boundary_id");

-- CreateIndex
CREATE UNIQUE INDEX "iam_user_account_id_name_key_key" ON "iam_user"("account_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "iam_group_arn_key" ON "iam_group"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "iam_group_account_id_name_key_key" ON "iam_group"("account_id", "name_key");

-- CreateIndex
CREATE INDEX "group_membership_group_id_idx" ON "group_membership"("group_id");

-- CreateIndex
CREATE INDEX "access_key_account_id_idx" ON "access_key"("account_id");

-- CreateIndex
CREATE INDEX "access_key_user_id_idx" ON "access_key"("user_id");

-- CreateIndex
CREATE INDEX "mfa_device_user_id_idx" ON "mfa_device"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "iam_role_arn_key" ON "iam_role"("arn");

-- CreateIndex
CREATE INDEX "iam_role_permissions_boundary_id_idx" ON "iam_role"("permissions_boundary_id");

-- CreateIndex
CREATE UNIQUE INDEX "iam_role_account_id_name_key_key" ON "iam_role"("account_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "managed_policy_arn_key" ON "managed_policy"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "managed_policy_account_id_name_key_key" ON "managed_policy"("account_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "inline_policy_user_id_name_key_key" ON "inline_policy"("user_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "inline_policy_group_id_name_key_key" ON "inline_policy"("group_id", "name_key");

-- CreateIndex
CREATE UNIQUE INDEX "inline_policy_role_id_name_key_key" ON "inline_policy"("role_id", "name_key");

-- CreateIndex
CREATE INDEX "policy_attachment_user_id_idx" ON "policy_attachment"("user_id");

-- CreateIndex
CREATE INDEX "policy_attachment_group_id_idx" ON "policy_attachment"("group_id");

-- CreateIndex
CREATE INDEX "policy_attachment_role_id_idx" ON "policy_attachment"("role_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_attachment_policy_id_user_id_key" ON "policy_attachment"("policy_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_attachment_policy_id_group_id_key" ON "policy_attachment"("policy_id", "group_id");

-- CreateIndex
CREATE UNIQUE INDEX "policy_attachment_policy_id_role_id_key" ON "policy_attachment"("policy_id", "role_id");

-- CreateIndex
CREATE UNIQUE INDEX "resource_arn_key" ON "resource"("arn");

-- CreateIndex
CREATE INDEX "resource_account_id_idx" ON "resource"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "tag_user_id_key_lower_key" ON "tag"("user_id", "key_lower");

-- CreateIndex
CREATE UNIQUE INDEX "tag_role_id_key_lower_key" ON "tag"("role_id", "key_lower");

-- CreateIndex
CREATE UNIQUE INDEX "tag_resource_id_key_lower_key" ON "tag"("resource_id", "key_lower");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_role_id_idx" ON "session"("role_id");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "session_parent_session_id_idx" ON "session"("parent_session_id");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "audit_event_event_time_idx" ON "audit_event"("event_time");

-- CreateIndex
CREATE INDEX "audit_event_account_id_event_time_idx" ON "audit_event"("account_id", "event_time");

-- CreateIndex
CREATE INDEX "audit_event_principal_arn_event_time_idx" ON "audit_event"("principal_arn", "event_time");

-- CreateIndex
CREATE INDEX "audit_event_event_name_event_time_idx" ON "audit_event"("event_name", "event_time");

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_management_account_id_fkey" FOREIGN KEY ("management_account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizational_unit" ADD CONSTRAINT "organizational_unit_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizational_unit" ADD CONSTRAINT "organizational_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizational_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organizational_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_policy" ADD CONSTRAINT "organization_policy_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_policy_attachment" ADD CONSTRAINT "organization_policy_attachment_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "organization_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iam_user" ADD CONSTRAINT "iam_user_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iam_user" ADD CONSTRAINT "iam_user_permissions_boundary_id_fkey" FOREIGN KEY ("permissions_boundary_id") REFERENCES "managed_policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iam_group" ADD CONSTRAINT "iam_group_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "iam_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "iam_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_key" ADD CONSTRAINT "access_key_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_key" ADD CONSTRAINT "access_key_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "iam_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mfa_device" ADD CONSTRAINT "mfa_device_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mfa_device" ADD CONSTRAINT "mfa_device_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "iam_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iam_role" ADD CONSTRAINT "iam_role_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iam_role" ADD CONSTRAINT "iam_role_permissions_boundary_id_fkey" FOREIGN KEY ("permissions_boundary_id") REFERENCES "managed_policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "managed_policy" ADD CONSTRAINT "managed_policy_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_version" ADD CONSTRAINT "policy_version_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "managed_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inline_policy" ADD CONSTRAINT "inline_policy_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "iam_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inline_policy" ADD CONSTRAINT "inline_policy_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "iam_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inline_policy" ADD CONSTRAINT "inline_policy_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "iam_role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_attachment" ADD CONSTRAINT "policy_attachment_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "managed_policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_attachment" ADD CONSTRAINT "policy_attachment_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "iam_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_attachment" ADD CONSTRAINT "policy_attachment_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "iam_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policy_attachment" ADD CONSTRAINT "policy_attachment_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "iam_role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource" ADD CONSTRAINT "resource_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag" ADD CONSTRAINT "tag_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "iam_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag" ADD CONSTRAINT "tag_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "iam_role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag" ADD CONSTRAINT "tag_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "iam_role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "iam_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_parent_session_id_fkey" FOREIGN KEY ("parent_session_id") REFERENCES "session"("id") ON DELETE SET NULL ON UPDATE CASCADE;
