-- AWS managed policies now come from the catalogue generated at build time (every AWS managed policy, at its
-- current default version); a database stores only those an attachment, permissions boundary or session points at.
-- Drop the curated, trimmed copies nothing points at; those still in use are refreshed from the catalogue
-- at start-up.
DELETE FROM "managed_policy" AS p
WHERE p."account_id" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "policy_attachment" a WHERE a."policy_id" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "iam_user" u WHERE u."permissions_boundary_id" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "iam_role" r WHERE r."permissions_boundary_id" = p."id")
  AND NOT EXISTS (SELECT 1 FROM "session" s WHERE p."arn" = ANY (s."policy_arns"));
