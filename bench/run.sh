#!/usr/bin/env bash
# Event-path benchmark: NormBot against the Bolt-for-JavaScript baseline and the bare .NET floor, in one run
# (../shared/perf/compare.sh). NormBot runs for real: signature check, durable inbox, dedupe, and the rules
# against a local Slack emulator seeded with the load generator's users and channels.
# usage: bench/run.sh [rounds] [seconds]      (loopback only; bounded by compare.sh)
# FRESH_IDS=1: the load generator numbers its events from the clock (microseconds) instead of from 1 in each
# phase, so no event id is ever delivered twice in the run and NormBot stores and processes every one; by default
# most of NormBot's c=16 and c=64 deliveries repeat ids of the phases before (its dedupe path).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
work=${PERF_WORK:-/tmp/perf-work}
out=$(mktemp -d /tmp/normbot-bench.XXXXXX)
perf="$repo/../shared/perf"
if [[ -n ${FRESH_IDS:-} ]]; then
  # A patched copy: a phase sends far fewer events than the microseconds it lasts, so the phases never overlap.
  cp -r "$perf" "$out/perf"
  sed -i 's/^let n = 0;$/let n = Date.now() * 1000;/' "$out/perf/loadgen.mjs"
  grep -q '^let n = Date.now() \* 1000;$' "$out/perf/loadgen.mjs" || { echo "loadgen.mjs changed; cannot number events from the clock" >&2; exit 1; }
  perf="$out/perf"
fi

# Published as the container is: for this machine's runtime, self-contained and trimmed (src/NormBot/NormBot.csproj).
dotnet publish "$repo/src/NormBot" -c Release --use-current-runtime -o "$out/normbot" -nologo -v q
dotnet build "$here/EmulatorHost" -c Release -o "$out/emulator" -nologo -v q
dotnet "$out/emulator/EmulatorHost.dll" 3399 > "$out/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
sleep 2

# Each round starts NormBot on an empty database, as Bolt and the floor start with nothing: otherwise a round begins
# by processing the previous round's backlog (hundreds of thousands of events no workspace would send), and measures
# that recovery as much as the event path. exec keeps the pid, so compare.sh reads NormBot's own RSS.
cat > "$out/normbot.sh" <<SCRIPT
#!/bin/sh
rm -rf "$out/normbot.db" "$out/normbot.db-wal" "$out/normbot.db-shm" "$out/normbot.db-inbox"
exec "$out/normbot/NormBot"
SCRIPT
chmod +x "$out/normbot.sh"

PERF_WORK=$work NORMBOT_CMD="env Storage__ConnectionString=DataSource=$out/normbot.db Slack__ApiBaseUrl=http://127.0.0.1:3399/api/ Logging__LogLevel__Default=Warning $out/normbot.sh" \
  bash "$perf/compare.sh" "${1:-2}" "${2:-8}"
