-- Tags on customer managed policies (iam:TagPolicy, UntagPolicy, ListPolicyTags).
ALTER TABLE "tag" ADD COLUMN "policy_id" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "tag_policy_id_key_lower_key" ON "tag"("policy_id", "key_lower");

-- AddForeignKey
ALTER TABLE "tag" ADD CONSTRAINT "tag_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "managed_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A tag still belongs to exactly one owner.
ALTER TABLE "tag" DROP CONSTRAINT "tag_owner_check";
ALTER TABLE "tag" ADD CONSTRAINT "tag_owner_check" CHECK (num_nonnulls("user_id", "role_id", "resource_id", "policy_id") = 1);
