#!/usr/bin/env bash
# Soak test of a running server (docs/benchmarks.md, "Soak"): mixed load from wrk for DURATION seconds (item reads,
# recommendations, single and batch feedback, user upserts), a MovieLens import after 30 s and a train-models run
# after a third of the time. Reports requests/s, p50/p99, 5xx and 4xx, the pool after the load, heap after a full GC
# at start, once the new models serve (the steady state) and at the end, the watchdog's count and the errors in
# messages.log.
# Usage: soak.sh [DURATION_SECONDS] [CONNECTIONS]; needs wrk, jcmd, curl, python3, a server started from
# liberty-config with RECSYS_IMPORT_ROOTS covering ../shared/data, and the demo credentials file.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
DURATION=${1:-1800}
CONNECTIONS=${2:-8}
BASE=${RECSYS_URL:-http://localhost:9080}
SERVER_DIR=liberty-config/target/liberty/wlp/usr/servers/recsys
DATA=${RECSYS_DATA_DIR:-$(cd ../shared/data && pwd)}
WORK=$(mktemp -d)
KEY=$(sed -n 's/^api.key=//p' "$SERVER_DIR/demo-credentials.properties")
OPKEY=$(sed -n 's/^operator.key=//p' "$SERVER_DIR/demo-credentials.properties")
echo "$KEY" > "$WORK/key"
curl -sf "$BASE/api/v1/items?limit=100" -H "Authorization: Bearer $KEY" \
  | python3 -c "import json,sys; print('\n'.join(i['id'] for i in json.load(sys.stdin)['items']))" > "$WORK/items.txt"
curl -sf "$BASE/api/v1/users?limit=100" -H "Authorization: Bearer $KEY" \
  | python3 -c "import json,sys; print('\n'.join(i['id'] for i in json.load(sys.stdin)['items']))" > "$WORK/users.txt"
PID=$(pgrep -f "ws-server.jar.*recsys" | head -1)
heap() { jcmd "$PID" GC.run > /dev/null; sleep 1; jcmd "$PID" GC.heap_info | sed -n 's/.*used \([0-9]*K\).*/\1/p' | head -1; }
pool() {
  curl -s "$BASE/metrics" | grep -E '^(connectionpool_(managedConnections|freeConnections|connectionHandles)\{datasource="jdbc_recsys"|recsys_db_)' \
    | sed 's/{[^}]*}//;s/connectionpool_//' | tr '\n' ' '
}
ERRORS_BEFORE=$(grep -c " E \| SEVERE " "$SERVER_DIR/logs/messages.log" || true)
echo "heap after full GC at start: $(heap)"
echo "pool at start: $(pool)"
(cd "$WORK" && SOAK_DIR="$WORK" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$OLDPWD/liberty-config/src/test/load/mixed.lua" "$BASE" > "$WORK/wrk.txt" 2>&1) &
LOAD=$!
sleep 30
echo "import: $(curl -s -X POST "$BASE/api/v1/imports" -H "Authorization: Bearer $OPKEY" -H 'Content-Type: application/json' \
  -d "{\"format\": \"movielens-100k\", \"path\": \"$DATA/movielens-100k\"}" | head -c 200)"
sleep $((DURATION / 3))
TRAIN=$(curl -s -X POST "$BASE/api/v1/jobs/train-models/executions" -H "Authorization: Bearer $OPKEY")
echo "train-models: $(echo "$TRAIN" | head -c 200)"
EXECUTION=$(echo "$TRAIN" | python3 -c "import json,sys; print(json.load(sys.stdin)['executionId'])")
# The steady state: once the new models serve, the member holds what it will hold; growth after that is a leak.
while kill -0 $LOAD 2> /dev/null; do
  STATUS=$(curl -s "$BASE/api/v1/jobs/executions/$EXECUTION" -H "Authorization: Bearer $OPKEY" \
    | python3 -c "import json,sys; print(json.load(sys.stdin).get('status'))")
  if [ "$STATUS" != "STARTING" ] && [ "$STATUS" != "STARTED" ]; then
    echo "train-models $STATUS at $(date -u +%H:%M:%S); heap after full GC now: $(heap)"
    break
  fi
  sleep 10
done
wait $LOAD
cat "$WORK/wrk.txt"
sleep 5
echo "pool after the load: $(pool)"
echo "heap after full GC at end: $(heap)"
echo "errors in messages.log during the run: $(( $(grep -c " E \| SEVERE " "$SERVER_DIR/logs/messages.log" || true) - ERRORS_BEFORE ))"
