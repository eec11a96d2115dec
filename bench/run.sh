#!/usr/bin/env bash
# The event-path benchmark, from a plain clone: NormBot against the Bolt-for-JavaScript baseline and the bare .NET
# floor, at 1, 16 and 64 connections, in alternating rounds of one run, then one table (docs/benchmark.md).
# usage: bench/run.sh [rounds] [seconds per phase]                          (defaults: 3 rounds, 8 s)
#   BENCH_BEFORE=<git ref>  also bench NormBot as built from that ref (in a temporary worktree), for a before/after
#                           table from one run, e.g. BENCH_BEFORE=f38bcc5 bench/run.sh; several refs, space-separated,
#                           for an A/B/C of experiment commits
#   BENCH_CONNECTIONS="64"  the concurrency levels to run (default "1 16 64"), e.g. for a quicker A/B at 64 only
#   BENCH_WORK=<folder>     npm packages and builds (default /tmp/normbot-bench-work); results go to a new /tmp folder
# Needs the .NET 10 SDK, Node.js 20+ and npm (the registry, once). Loopback only: ports 3100, 3200, 3302 up and 3399.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
rounds=${1:-3}
seconds=${2:-8}
work=${BENCH_WORK:-/tmp/normbot-bench-work}
out=$(mktemp -d /tmp/normbot-bench.XXXXXX)
secret=bench-signing-secret
results=$out/results.jsonl
echo "results in $out"

# The load generator's engine and the Bolt baseline, pinned by node/package-lock.json, installed outside the clone.
mkdir -p "$work/node"
if ! cmp -s "$here/node/package-lock.json" "$work/node/package-lock.json" || [[ ! -d $work/node/node_modules ]]; then
  cp "$here/node/package.json" "$here/node/package-lock.json" "$work/node/"
  (cd "$work/node" && npm ci --no-audit --no-fund --loglevel=error)
fi
export NODE_PATH=$work/node/node_modules

publish_normbot() { # source-folder output-folder: as the Dockerfile publishes it (self-contained, framework trimmed)
  dotnet publish "$1/src/NormBot" -c Release --use-current-runtime -o "$2" -nologo -v q >/dev/null
}
dotnet publish "$here/Floor" -c Release -o "$out/floor" -nologo -v q >/dev/null
dotnet build "$here/EmulatorHost" -c Release -o "$out/emulator" -nologo -v q >/dev/null
publish_normbot "$repo" "$out/normbot"
targets=(bolt floor normbot)
for ref in ${BENCH_BEFORE:-}; do
  rev=$(git -C "$repo" rev-parse --short "$ref^{commit}")
  git -C "$repo" worktree add --detach -q "$out/src-$rev" "$rev"
  publish_normbot "$out/src-$rev" "$out/normbot-$rev"
  git -C "$repo" worktree remove --force "$out/src-$rev"
  targets+=("at-$rev")
done

pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# The local Slack the NormBot builds call (users.info, chat.postEphemeral...), seeded with loadgen.mjs's workspace.
dotnet "$out/emulator/EmulatorHost.dll" 3399 >"$out/emulator.log" 2>&1 &
pids+=($!)

wait_port() { for _ in $(seq 1 150); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done; return 1; }

# exec: the pid is the server's own, whose RSS is read after each phase. Each NormBot round starts on an empty
# database, as Bolt and the floor start with nothing.
start_target() { # target: prints the server's pid, started on its port
  local db=$out/$1.db
  case $1 in
    bolt) exec node "$here/bolt-app.mjs" 3100 "$secret" ;;
    floor) ASPNETCORE_URLS=http://127.0.0.1:3200 SigningSecret=$secret exec dotnet "$out/floor/Floor.dll" ;;
    *)
      rm -rf "$db" "$db-wal" "$db-shm" "$db-inbox" # -inbox: the journal of builds before one durable path
      local port bin=$out/normbot/NormBot
      port=$(port_of "$1")
      [[ $1 == at-* ]] && bin=$out/normbot-${1#at-}/NormBot
      ASPNETCORE_URLS=http://127.0.0.1:$port Slack__SigningSecret=$secret Slack__BotToken=xoxb-perf \
        Slack__ApiBaseUrl=http://127.0.0.1:3399/api/ Storage__ConnectionString="Data Source=$db" \
        Logging__LogLevel__Default=Warning exec "$bin" ;;
  esac >"$out/$1.log" 2>&1 &
  echo $!
}
port_of() { # target: its port (NormBot builds from 3300 up, in the order of targets)
  case $1 in
    bolt) echo 3100 ;;
    floor) echo 3200 ;;
    *) for i in "${!targets[@]}"; do [[ ${targets[$i]} == "$1" ]] && echo $((3300 + i)); done ;;
  esac
}
url_of() { if [[ $1 == bolt ]]; then echo "http://127.0.0.1:3100/slack/events"; else echo "http://127.0.0.1:$(port_of "$1")/slack/event"; fi; }

load() { node "$here/loadgen.mjs" --url "$1" --secret "$secret" --connections "$2" --seconds "$3"; }

for round in $(seq 1 "$rounds"); do
  # Rotate the order each round, so no target always runs first (or right after NormBot's disk work).
  for i in "${!targets[@]}"; do
    target=${targets[$(((i + round - 1) % ${#targets[@]}))]}
    pid=$(start_target "$target")
    pids+=("$pid")
    url=$(url_of "$target")
    wait_port "$(port_of "$target")" || { echo "$target did not start (see $out/$target.log)" >&2; exit 1; }
    load "$url" 4 2 >/dev/null # warm-up: JIT, connection pools
    for c in ${BENCH_CONNECTIONS:-1 16 64}; do
      line=$(load "$url" "$c" "$seconds")
      rss=$(ps -o rss= -p "$pid" | tr -d ' ' || true)
      echo "{\"round\":$round,\"target\":\"$target\",\"rss_kb\":${rss:-0},${line#\{}" >>"$results"
      printf 'round %s %-7s c=%-2s %s\n' "$round" "$target" "$c" "$line"
    done
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
done

echo
node "$here/report.mjs" "$results" | tee "$out/table.md"
