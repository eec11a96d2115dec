#!/usr/bin/env bash
# Event-path benchmark: NormBot against the Bolt-for-JavaScript baseline and the bare .NET floor, in one run
# (../shared/perf/compare.sh). NormBot runs for real: signature check, durable inbox, dedupe, and the rules
# against a local Slack emulator seeded with the load generator's users and channels.
# usage: bench/run.sh [rounds] [seconds]      (loopback only; bounded by compare.sh)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
work=${PERF_WORK:-/tmp/perf-work}
out=$(mktemp -d /tmp/normbot-bench.XXXXXX)

# Published as the container is: for this machine's runtime, self-contained and trimmed (src/NormBot/NormBot.csproj).
dotnet publish "$repo/src/NormBot" -c Release --use-current-runtime -o "$out/normbot" -nologo -v q
dotnet build "$here/EmulatorHost" -c Release -o "$out/emulator" -nologo -v q
dotnet "$out/emulator/EmulatorHost.dll" 3399 > "$out/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
sleep 2

PERF_WORK=$work NORMBOT_CMD="env Storage__ConnectionString=DataSource=$out/normbot.db Slack__ApiBaseUrl=http://127.0.0.1:3399/api/ Logging__LogLevel__Default=Warning $out/normbot/NormBot" \
  bash "$repo/../shared/perf/compare.sh" "${1:-2}" "${2:-8}"
