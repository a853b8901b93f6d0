#!/usr/bin/env bash
# Fills a folder with the AWS CLI output that `iam-playground import` reads (layout: README, "Model your own
# organization"). Read-only calls only; credentials stay in this process's environment and are never written.
#
#   scripts/fetch-aws-iam.sh OUT_DIR                         the current account only
#   scripts/fetch-aws-iam.sh OUT_DIR --organization          + the organization (run with management-account
#                                                              credentials, or a delegated administrator's)
#   scripts/fetch-aws-iam.sh OUT_DIR --organization --role-name ROLE
#                                                            + every account of it, through ROLE in each account
#                                                              (e.g. a read-only audit role the management account
#                                                              may assume)
#   --regions "eu-west-1 us-east-1"                          regions to read KMS, SQS, SNS, Secrets Manager and
#                                                              Lambda resource policies from (default: the CLI's)
#   --no-resources                                           IAM and Organizations only
#
# Needs: the AWS CLI v2, and read rights such as the SecurityAudit managed policy (iam:GetAccountAuthorizationDetails,
# organizations:Describe*/List*, s3:GetBucketPolicy, kms:GetKeyPolicy, sqs:GetQueueAttributes, ...).
set -euo pipefail

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ $# -ge 1 && $1 != -* ]] || usage
out=$1; shift
organization=false; role_name=""; regions=""; resources=true
while [[ $# -gt 0 ]]; do
  case $1 in
    --organization) organization=true ;;
    --role-name) role_name=${2:?--role-name needs a value}; shift ;;
    --regions) regions=${2:?--regions needs a value}; shift ;;
    --no-resources) resources=false ;;
    *) usage ;;
  esac
  shift
done
[[ -z $regions ]] && regions=$(aws configure get region || echo us-east-1)

awsj() { aws --output json "$@"; }
awst() { aws --output text "$@"; }
# Runs a command into a file; an error (no policy, no permission, service off in the region) leaves no file.
save() {
  local file=$1; shift
  mkdir -p "$(dirname "$file")"
  if awsj "$@" > "$file.tmp" 2> "$file.err" && [[ -s $file.tmp ]]; then mv "$file.tmp" "$file"; else rm -f "$file.tmp"; fi
  rm -f "$file.err"
}
# Keeps a file only when it holds a policy (a queue or topic without one answers without the attribute).
keep_if_policy() { [[ -f $1 ]] && ! grep -q '"\(Policy\|ResourcePolicy\)"' "$1" && rm -f "$1"; return 0; }

fetch_account() {
  local account=$1 dir="$out/accounts/$1"
  echo "account $account" >&2
  mkdir -p "$dir"
  awsj iam get-account-authorization-details > "$dir/get-account-authorization-details.json"
  awsj iam list-roles > "$dir/list-roles.json"
  awsj iam list-account-aliases > "$dir/list-account-aliases.json"
  $resources || return 0
  for bucket in $(awst s3api list-buckets --query 'Buckets[].Name' 2> /dev/null || true); do
    save "$dir/resources/s3/$bucket.json" s3api get-bucket-policy --bucket "$bucket"
  done
  for region in $regions; do
    for key in $(awst kms list-keys --region "$region" --query 'Keys[].KeyId' 2> /dev/null || true); do
      save "$dir/resources/kms/$region/$key.json" kms get-key-policy --key-id "$key" --policy-name default --region "$region"
    done
    for url in $(awst sqs list-queues --region "$region" --query 'QueueUrls[]' 2> /dev/null || true); do
      [[ $url == None ]] && continue
      save "$dir/resources/sqs/$region/${url##*/}.json" sqs get-queue-attributes --queue-url "$url" --attribute-names Policy --region "$region"
      keep_if_policy "$dir/resources/sqs/$region/${url##*/}.json"
    done
    for topic in $(awst sns list-topics --region "$region" --query 'Topics[].TopicArn' 2> /dev/null || true); do
      save "$dir/resources/sns/$region/${topic##*:}.json" sns get-topic-attributes --topic-arn "$topic" --region "$region"
      keep_if_policy "$dir/resources/sns/$region/${topic##*:}.json"
    done
    for secret in $(awst secretsmanager list-secrets --region "$region" --query 'SecretList[].ARN' 2> /dev/null || true); do
      local name=${secret##*:secret:}
      save "$dir/resources/secretsmanager/$region/${name//\//_}.json" secretsmanager get-resource-policy --secret-id "$secret" --region "$region"
      keep_if_policy "$dir/resources/secretsmanager/$region/${name//\//_}.json"
    done
    for fn in $(awst lambda list-functions --region "$region" --query 'Functions[].FunctionName' 2> /dev/null || true); do
      save "$dir/resources/lambda/$region/$fn.json" lambda get-policy --function-name "$fn" --region "$region"
    done
  done
}

if $organization; then
  org="$out/organization"
  mkdir -p "$org/parents" "$org/policies"
  awsj organizations describe-organization > "$org/describe-organization.json"
  awsj organizations list-roots > "$org/list-roots.json"
  awsj organizations list-accounts > "$org/list-accounts.json"
  queue=$(awst organizations list-roots --query 'Roots[].Id')
  while [[ -n ${queue// /} ]]; do
    read -r parent queue <<< "$queue"
    mkdir -p "$org/parents/$parent"
    awsj organizations list-organizational-units-for-parent --parent-id "$parent" > "$org/parents/$parent/list-organizational-units-for-parent.json"
    awsj organizations list-accounts-for-parent --parent-id "$parent" > "$org/parents/$parent/list-accounts-for-parent.json"
    queue="$queue $(awst organizations list-organizational-units-for-parent --parent-id "$parent" --query 'OrganizationalUnits[].Id')"
  done
  for type in SERVICE_CONTROL_POLICY RESOURCE_CONTROL_POLICY; do
    save "$org/policies/$type.json" organizations list-policies --filter "$type"
    [[ -f $org/policies/$type.json ]] || continue
    for id in $(awst organizations list-policies --filter "$type" --query 'Policies[].Id'); do
      mkdir -p "$org/policies/$id"
      awsj organizations describe-policy --policy-id "$id" > "$org/policies/$id/describe-policy.json"
      awsj organizations list-targets-for-policy --policy-id "$id" > "$org/policies/$id/list-targets-for-policy.json"
    done
  done
fi

self=$(awst sts get-caller-identity --query Account)
if [[ -n $role_name ]]; then
  for account in $(awst organizations list-accounts --query "Accounts[?Status=='ACTIVE'].Id"); do
    if [[ $account == "$self" ]]; then fetch_account "$account"; continue; fi
    # A subshell: the role's temporary credentials live in its environment only, and end with it.
    (
      read -r AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN <<< "$(awst sts assume-role \
        --role-arn "arn:aws:iam::$account:role/$role_name" --role-session-name iam-playground-export \
        --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')"
      export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN
      unset AWS_PROFILE
      fetch_account "$account"
    ) || echo "account $account: skipped (could not assume $role_name)" >&2
  done
else
  fetch_account "$self"
fi
echo "done: npx iam-playground import $out" >&2
