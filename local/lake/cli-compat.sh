#!/usr/bin/env bash
# Checks the local Lake against the AWS CLI (botocore): every import operation, an error code,
# timestamps, pagination, STS, and the preflight's S3, IAM and Organizations calls. Run it with
# `npm run test:cli`, which puts the project's Node 24 on PATH; it finds or installs the AWS CLI (below).
# Starts its own Lake on a free port in a temp folder. ~15 s.
# Prints "cli-compat: N passed, N failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
# The AWS CLI, in order: AWS_CLI (e.g. /usr/bin/aws to pick Debian's CLI v2 over a pip-installed v1),
# `aws` on PATH, then Debian's package when running as root on Debian.
find_aws() {
  if [ -n "${AWS_CLI:-}" ]; then command -v "$AWS_CLI"; return; fi
  command -v aws && return
  if [ "$(id -u)" -eq 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
    echo "cli-compat: no AWS CLI found: installing Debian's awscli package (one time)" >&2
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq awscli; } >&2 &&
      command -v aws
  fi
}
AWS=$(find_aws) || AWS=""
[ -n "$AWS" ] || { echo "cli-compat: no AWS CLI: install one (Debian: apt-get install -y awscli, or pip install awscli) or set AWS_CLI"; exit 2; }
CLIS=("$AWS")
# Without AWS_CLI, Debian's CLI v2 joins a different CLI found first on PATH (pip's v1, say).
if [ -z "${AWS_CLI:-}" ] && [ -x /usr/bin/aws ] && [ "$(readlink -f "$AWS")" != /usr/bin/aws ]; then
  CLIS+=(/usr/bin/aws)
fi
[[ "$(node -v)" =~ ^v(2[4-9]|[3-9][0-9]) ]] || { echo "cli-compat: needs Node 24 on PATH (got $(node -v))"; exit 2; }

DATA=$(mktemp -d)
node --input-type=module -e "
  import { writeFileSync } from 'node:fs';
  import { startLake } from './local/lake/server.ts';
  const lake = await startLake({ port: 0, dataDir: process.argv[1], pace: 500, faults: {} });
  writeFileSync(process.argv[1] + '/url', lake.url);
  process.on('SIGTERM', () => void lake.close().then(() => process.exit(0)));
" "$DATA" &
LAKE_PID=$!
trap 'kill $LAKE_PID 2>/dev/null; wait $LAKE_PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 100); do [ -s "$DATA/url" ] && break; sleep 0.1; done
[ -s "$DATA/url" ] || { echo "cli-compat: the local Lake did not start"; exit 2; }
E=$(cat "$DATA/url")

export AWS_ACCESS_KEY_ID=AKIALOCALTRAILIMPORTS AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$DATA/config" AWS_SHARED_CREDENTIALS_FILE=/dev/null
printf '[default]\ncli_timestamp_format = iso8601\n' >"$AWS_CONFIG_FILE"
STORE=arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/6d8e2f5a-3c1b-4e7d-9a2f-1b3c5d7e9f01
SOURCE='S3={S3LocationUri=s3://trail-imports-e2e-logs/AWSLogs/111122223333/CloudTrail/,S3BucketRegion=us-east-1,S3BucketAccessRoleArn=arn:aws:iam::111122223333:role/CloudTrailLakeImport}'
ISO='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+\+00:00$'
ct() { "$AWS" cloudtrail --endpoint-url "$E" --output text "$@"; }
check() { # name, actual, extended regex
  if [[ "$2" =~ $3 ]]; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); echo "FAIL $1: got '$2', want /$3/"; fi
}
wait_status() { # import id, status regex
  local s=""
  for _ in $(seq 100); do s=$(ct get-import --import-id "$1" --query ImportStatus); [[ "$s" =~ $2 ]] && break; sleep 0.2; done
  echo "$s"
}

run_checks() { # one CLI against the shared Lake
  # Slow imports down again (an earlier run sped them up), so a new import can still be stopped.
  curl -sf -X POST "$E/_admin/pace" -d '{"pace":500}' >/dev/null
  check "list-event-data-stores" "$(ct list-event-data-stores --query 'length(EventDataStores)')" '^4$'
  check "get-event-data-store" "$(ct get-event-data-store --event-data-store "$STORE" --query '[Status,CreatedTimestamp]')" "^ENABLED	[0-9T:.+-]+$"
  ALL=$(ct list-imports --no-paginate --max-results 1000 --query 'Imports[].ImportId' | wc -w)
  check "list-imports" "$ALL" '^([4-9]|[1-9][0-9]+)$'
  check "list-imports paginated" "$(ct list-imports --page-size 3 --query 'Imports[].ImportId' | wc -w)" "^$ALL\$"
  check "list-imports filter" "$(ct list-imports --import-status FAILED --query 'Imports[].ImportStatus' | tr '\t' '\n' | sort -u)" '^FAILED$'
  ID=$(ct start-import --destinations "$STORE" --import-source "$SOURCE" --start-event-time 2020-01-01T00:00:00Z --end-event-time 2030-01-01T00:00:00Z --query ImportId)
  check "start-import" "$ID" '^[a-f0-9-]{36}$'
  check "stop-import" "$(ct stop-import --import-id "$ID" --query ImportStatus)" '^STOPPED$'
  check "stop-import error" "$(ct stop-import --import-id "$ID" 2>&1)" 'OperationNotPermittedException'
  curl -sf -X POST "$E/_admin/pace" -d '{"pace":"fast"}' >/dev/null
  check "start-import retry" "$(ct start-import --import-id "$ID" --query ImportStatus)" '^INITIALIZING$'
  check "get-import" "$(wait_status "$ID" '^(FAILED|COMPLETED)$')" '^FAILED$'
  check "get-import timestamps" "$(ct get-import --import-id "$ID" --query StartEventTime)" '^2020-01-01T00:00:00\+00:00$'
  check "get-import statistics" "$(ct get-import --import-id "$ID" --query 'ImportStatistics.FailedEntries')" '^1$'
  check "list-import-failures" "$(ct list-import-failures --import-id "$ID" --query 'Failures[0].[Status,ErrorType]')" '^FAILED	InvalidFileFormat$'
  check "failure time" "$(ct list-import-failures --import-id "$ID" --query 'Failures[0].LastUpdatedTime')" "$ISO"
  check "ImportNotFoundException" "$(ct get-import --import-id 00000000-0000-4000-8000-000000000000 2>&1)" 'ImportNotFoundException'
  check "InvalidParameterException" "$(ct list-imports --import-status BOGUS 2>&1)" 'InvalidParameterException.*importStatus'
  check "lookup-events" "$(ct lookup-events --lookup-attributes AttributeKey=EventName,AttributeValue=StopImport --query 'Events[0].EventName')" '^StopImport$'
  check "sts get-caller-identity" "$("$AWS" sts get-caller-identity --endpoint-url "$E" --output text --query Arn)" '^arn:aws:iam::111122223333:user/trail-imports-app$'
  check "sts assume-role" "$("$AWS" sts assume-role --endpoint-url "$E" --output text --role-arn arn:aws:iam::111122223333:role/trail-imports-user --role-session-name cli --source-identity cli@example.test --query '[AssumedRoleUser.Arn,SourceIdentity]')" '^arn:aws:sts::111122223333:assumed-role/trail-imports-user/cli	cli@example.test$'

  S3=(--endpoint-url "$E" --output text)
  check "s3api list-objects-v2" "$("$AWS" s3api list-objects-v2 "${S3[@]}" --bucket trail-imports-e2e-logs --prefix AWSLogs/111122223333/CloudTrail/ --query 'length(Contents)')" '^[1-9][0-9]*$'
  check "s3api list-objects-v2 delimiter" "$("$AWS" s3api list-objects-v2 "${S3[@]}" --bucket trail-imports-demo-logs --delimiter / --query 'CommonPrefixes[].Prefix')" '^AWSLogs/	archive/	kms/$'
  check "s3 ls" "$("$AWS" s3 ls --endpoint-url "$E" s3://trail-imports-demo-logs/ | tr -s ' ' | tr '\n' ';')" '^ ?PRE AWSLogs/; ?PRE archive/; ?PRE kms/;$'
  check "s3api get-bucket-location" "$("$AWS" s3api get-bucket-location "${S3[@]}" --bucket trail-imports-eu-logs)" '^eu-west-1$'
  # botocore follows S3's PermanentRedirect itself (re-signing for the Region the answer names).
  check "s3api wrong Region redirect" "$("$AWS" s3api list-objects-v2 "${S3[@]}" --bucket trail-imports-eu-logs --query 'length(Contents)' 2>&1)" '^[1-9][0-9]*$'
  check "s3api get-bucket-ownership-controls" "$("$AWS" s3api get-bucket-ownership-controls "${S3[@]}" --bucket trail-imports-acl-logs --query 'OwnershipControls.Rules[0].ObjectOwnership')" '^ObjectWriter$'
  check "iam get-role" "$("$AWS" iam get-role --endpoint-url "$E" --output text --role-name CloudTrailLakeImport --query '[Role.Arn,Role.AssumeRolePolicyDocument.Statement[0].Principal.Service]')" '^arn:aws:iam::111122223333:role/CloudTrailLakeImport	cloudtrail.amazonaws.com$'
  check "iam get-role NoSuchEntity" "$("$AWS" iam get-role --endpoint-url "$E" --role-name missing 2>&1)" 'NoSuchEntity'
  simulate() { "$AWS" iam simulate-principal-policy --endpoint-url "$E" --output text --policy-source-arn "arn:aws:iam::111122223333:role/$1" --action-names s3:GetObject --resource-arns 'arn:aws:s3:::trail-imports-demo-logs/AWSLogs/*' --query 'EvaluationResults[0].EvalDecision'; }
  check "iam simulate-principal-policy allowed" "$(simulate CloudTrailLakeImport)" '^allowed$'
  check "iam simulate-principal-policy implicitDeny" "$(simulate CloudTrailLakeImportListOnly)" '^implicitDeny$'
  check "organizations describe-organization" "$("$AWS" organizations describe-organization --endpoint-url "$E" --output text --query Organization.MasterAccountId)" '^111122223333$'
}

# Every distinct CLI on this machine: pip's v1 and Debian's v2 name and parse some things differently.
ALL_PASS=0 ALL_FAIL=0
for AWS in "${CLIS[@]}"; do
  PASS=0 FAIL=0
  run_checks
  echo "cli-compat ($("$AWS" --version 2>&1 | cut -d' ' -f1,4)): $PASS passed, $FAIL failed"
  ALL_PASS=$((ALL_PASS + PASS)) ALL_FAIL=$((ALL_FAIL + FAIL))
done
PASS=$ALL_PASS FAIL=$ALL_FAIL
echo "cli-compat: $PASS passed, $FAIL failed"
# .ci/run sums this file into its closing line.
[ -n "${CLI_COMPAT_RESULT_FILE:-}" ] && echo "$PASS $FAIL" >"$CLI_COMPAT_RESULT_FILE"
[ "$FAIL" -eq 0 ]
