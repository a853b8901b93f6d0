-- Federation and service roles (issue 12): IAM OIDC and SAML identity providers, the playground's built-in
-- OIDC issuers and SAML identity providers (their signing keys), instance profiles, service-linked role deletion tasks, and the workloads (EC2 instances, Lambda functions) that a
-- service runs with a role. A session remembers the identity provider it was federated from, for
-- aws:FederatedProvider, and the service that holds it (ec2.amazonaws.com, lambda.amazonaws.com).

-- CreateTable
CREATE TABLE "oidc_provider" (
    "arn" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "client_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "thumbprints" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "jwks" JSONB,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_provider_pkey" PRIMARY KEY ("arn")
);

-- CreateTable
CREATE TABLE "oidc_issuer" (
    "name" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "private_key_encrypted" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_issuer_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "saml_provider" (
    "arn" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "metadata_document" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "signing_certificates" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "valid_until" TIMESTAMPTZ(3),
    "tags" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saml_provider_pkey" PRIMARY KEY ("arn")
);

-- CreateTable
CREATE TABLE "saml_idp" (
    "name" TEXT NOT NULL,
    "private_key_encrypted" TEXT NOT NULL,
    "certificate" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saml_idp_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "service_linked_role_deletion" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "role_arn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_linked_role_deletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_profile" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "path" TEXT NOT NULL DEFAULT '/',
    "arn" TEXT NOT NULL,
    "role_id" TEXT,
    "tags" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_profile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_workload" (
    "resource_arn" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "role_id" TEXT,
    "instance_profile_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_workload_pkey" PRIMARY KEY ("resource_arn")
);

-- AlterTable
ALTER TABLE "session" ADD COLUMN "federated_provider" TEXT;
ALTER TABLE "session" ADD COLUMN "service_principal" TEXT;
ALTER TABLE "session" ADD COLUMN "service_source_arn" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "oidc_provider_account_id_url_key" ON "oidc_provider"("account_id", "url");

-- CreateIndex
CREATE INDEX "service_linked_role_deletion_account_id_idx" ON "service_linked_role_deletion"("account_id");

-- CreateIndex
CREATE INDEX "saml_provider_account_id_idx" ON "saml_provider"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "instance_profile_arn_key" ON "instance_profile"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "instance_profile_account_id_name_key_key" ON "instance_profile"("account_id", "name_key");

-- CreateIndex
CREATE INDEX "instance_profile_role_id_idx" ON "instance_profile"("role_id");

-- CreateIndex
CREATE INDEX "service_workload_role_id_idx" ON "service_workload"("role_id");

-- CreateIndex
CREATE INDEX "service_workload_instance_profile_id_idx" ON "service_workload"("instance_profile_id");

-- AddForeignKey
ALTER TABLE "oidc_provider" ADD CONSTRAINT "oidc_provider_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_linked_role_deletion" ADD CONSTRAINT "service_linked_role_deletion_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saml_provider" ADD CONSTRAINT "saml_provider_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_profile" ADD CONSTRAINT "instance_profile_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "instance_profile" ADD CONSTRAINT "instance_profile_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "iam_role"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_workload" ADD CONSTRAINT "service_workload_resource_arn_fkey" FOREIGN KEY ("resource_arn") REFERENCES "resource"("arn") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_workload" ADD CONSTRAINT "service_workload_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "iam_role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_workload" ADD CONSTRAINT "service_workload_instance_profile_id_fkey" FOREIGN KEY ("instance_profile_id") REFERENCES "instance_profile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
