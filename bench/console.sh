#!/usr/bin/env bash
# The operator console at scale: loads BENCH_CONSOLE_ROWS QRs (default 5,000,000, with two events and
# one provider attempt each, payments and transfer OTPs: bench/sql/console-load.sql; webhook deliveries for
# 1 outbox event in 5: bench/sql/console-webhooks.sql) into a database of
# its own with SQL, starts payorch (sandbox, on that database), signs in to /console as the sandbox
# admin and times every page and GET /admin/stats. A benchmark, not a test: CI never runs it.
# Figures and how to read them: docs/BENCHMARKS.md, "Operator console at 5,000,000 QRs".
#
#   bench/console.sh                         # build if needed, load 5M rows (about 10-20 min), measure
#   BENCH_CONSOLE_ROWS=500000 bench/console.sh
#   BENCH_CONSOLE_KEEP=1 bench/console.sh    # keep the loaded database; a second run reuses it
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ROWS="${BENCH_CONSOLE_ROWS:-5000000}"
BATCH="${BENCH_CONSOLE_BATCH:-250000}"
REPEAT="${BENCH_CONSOLE_REPEAT:-20}"             # timed requests per page (after 5 untimed)
PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
DB="${BENCH_CONSOLE_DB:-payorch_console_bench_${ROWS}}"
PORT="${BENCH_CONSOLE_PORT:-28180}"
JAR="${BENCH_PAYORCH_JAR:-$ROOT/bootstrap/target/payorch.jar}"
OUT="${BENCH_OUT:-$ROOT/bench/results/console-$(date -u +%Y%m%dT%H%M%SZ)}"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
log() { printf '[console-bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$OUT/bench.log" >&2; }

[[ -f "$JAR" ]] || { log "building payorch.jar"; mvn -B -ntp -q -pl bootstrap -am package -DskipTests; }

fresh=0
if ! psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -d postgres -qc "CREATE DATABASE $DB"
  fresh=1
fi

pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  if [[ "${BENCH_CONSOLE_KEEP:-0}" != "1" ]]; then psql -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true; fi
}
trap cleanup EXIT

log "starting payorch on $BASE (database $DB)"
DATASOURCES_DEFAULT_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATASOURCES_DEFAULT_USERNAME="$PGUSER" \
  MICRONAUT_SERVER_PORT="$PORT" java ${BENCH_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseG1GC} -jar "$JAR" > "$OUT/payorch.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$BASE/health" >/dev/null || { log "payorch did not start: $OUT/payorch.log"; exit 1; }

if [[ "$fresh" == "1" ]]; then
  log "loading $ROWS QRs in batches of $BATCH"
  start=$(date +%s)
  for ((lo = 1; lo <= ROWS; lo += BATCH)); do
    hi=$((lo + BATCH - 1)); ((hi > ROWS)) && hi=$ROWS
    psql -d "$DB" -v ON_ERROR_STOP=1 -q -v lo="$lo" -v hi="$hi" -v total="$ROWS" -f bench/sql/console-load.sql
    log "  rows $lo..$hi loaded"
  done
  log "loading webhook deliveries for 1 outbox event in 5"
  psql -d "$DB" -v ON_ERROR_STOP=1 -q -f bench/sql/console-webhooks.sql
  psql -d "$DB" -qc "VACUUM ANALYZE"
  log "loaded in $(( $(date +%s) - start )) s"
fi
psql -d "$DB" -Atc "SELECT 'qr_intent ' || count(*) FROM qr_intent UNION ALL SELECT 'qr_intent_event ' || count(*) FROM qr_intent_event
  UNION ALL SELECT 'qr_provider_attempt ' || count(*) FROM qr_provider_attempt UNION ALL SELECT 'qr_payment ' || count(*) FROM qr_payment
  UNION ALL SELECT 'transfer_otp ' || count(*) FROM transfer_otp UNION ALL SELECT 'outbound_event ' || count(*) FROM outbound_event
  UNION ALL SELECT 'webhook_delivery ' || count(*) FROM webhook_delivery
  UNION ALL SELECT 'webhook_delivery pending ' || count(*) FROM webhook_delivery WHERE status = 'pending'" | tee -a "$OUT/bench.log"

# what /admin/stats did before V17: a GROUP BY over every QR
before=$(psql -d "$DB" -Atc "EXPLAIN (ANALYZE, FORMAT JSON) SELECT provider, status, count(*) FROM qr_intent GROUP BY provider, status" \
  | python3 -c 'import json,sys; print(round(json.load(sys.stdin)[0]["Execution Time"]))')
log "GROUP BY over every QR (the old /admin/stats): $before ms"

jar=$(mktemp)
csrf=$(curl -fs -c "$jar" "$BASE/console/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode clientId=sandbox-admin \
  --data-urlencode secret=sandbox-admin-secret "$BASE/console/login"
newest=$(psql -d "$DB" -Atc "SELECT id FROM qr_intent ORDER BY created_at DESC, id DESC LIMIT 1")
old=$(psql -d "$DB" -Atc "SELECT 'qrb_' || lpad(($ROWS / 3)::text, 9, '0')")
otp=$(psql -d "$DB" -Atc "SELECT id FROM transfer_otp ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 1000")
day=$(date -u -d '10 days ago' +%F)
delivery=$(psql -d "$DB" -Atc "SELECT id FROM webhook_delivery WHERE status = 'failed' ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET 100")

pages=(
  "login form (no database: the noise floor)|/console/login"
  "overview|/console"
  "QR search, no filter|/console/qrs"
  "QR search, status PAID + merchant|/console/qrs?status=PAID&merchant=merchant-7"
  "QR search, provider BOS + from day|/console/qrs?provider=BOS&createdFrom=$day"
  "QR search, page 2 (keyset)|NEXT"
  "paste a provider reference|/console/qrs?q=REF$((ROWS / 2))"
  "paste a UTR|/console/qrs?q=UTRB$(printf '%09d' $((ROWS / 20 * 10 + 3)))"
  "QR detail (newest, with image)|/console/qrs/$newest"
  "QR detail (old, PAID/EXPIRED)|/console/qrs/$old"
  "transfer OTP search|/console/transfer-otps"
  "transfer OTP detail|/console/transfer-otps/$otp"
  "flagged payments|/console/payments"
  "providers|/console/providers"
  "webhook deliveries, no filter|/console/webhook-deliveries"
  "webhook deliveries, status failed|/console/webhook-deliveries?status=failed"
  "webhook deliveries, pending + merchant|/console/webhook-deliveries?status=pending&merchant=merchant-7"
  "webhook deliveries, endpoint + type|/console/webhook-deliveries?endpointId=we_bench_3&type=qr_code.paid"
  "webhook delivery detail|/console/webhook-deliveries/$delivery"
  "GET /admin/stats|ADMIN/admin/stats"
  "GET /admin/stats?merchant=merchant-3|ADMIN/admin/stats?merchant=merchant-3"
)
next=$(curl -fs -b "$jar" "$BASE/console/qrs" | sed -n 's/.*rel="next" href="\([^"]*\)".*/\1/p' | head -1 | sed 's/&amp;/\&/g')

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" | tee "$OUT/results.txt"
printf '%-42s %8s %8s %8s %8s %6s\n' "page" "min" "median" "p95" "max" "status" | tee -a "$OUT/results.txt"
for entry in "${pages[@]}"; do
  name="${entry%%|*}" path="${entry#*|}"
  auth=(-b "$jar")
  [[ "$path" == NEXT ]] && path="$next"
  if [[ "$path" == ADMIN* ]]; then path="${path#ADMIN}"; auth=(-u sandbox-admin:sandbox-admin-secret); fi
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "${auth[@]}" "$BASE$path"; done
  times=() code=""
  for _ in $(seq 1 "$REPEAT"); do
    r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${auth[@]}" "$BASE$path")
    code="${r% *}" times+=("${r#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v code="$code" '{ t[NR] = $1 * 1000 }
    END { printf "%-42s %6.1fms %6.1fms %6.1fms %6.1fms %6s\n", name, t[1], t[int((NR + 1) / 2)], t[int(NR * 0.95 + 0.5)], t[NR], code }' \
    | tee -a "$OUT/results.txt"
done
rm -f "$jar"
log "results: $OUT/results.txt (payorch's own timing per request: payorch.access lines of $OUT/payorch.log)"
