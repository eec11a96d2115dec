#!/usr/bin/env bash
# The scale benchmark (issue 23 item 5, docs/scale.md), from a plain clone: seeds each store once through the app's
# migrations (1,000 workspaces; the busy one with 2,000 people, 200 channels, 90 days and N asks, 1% open), then
# measures the overdue pass, a 30-day channel digest, workspace stats, App Home and event throughput on the real
# services, and prints one table. Exits non-zero when a target is missed.
# usage: bench/scale/run.sh [--quick]            --quick: 10k asks only; default: 10k, 100k and 1M asks
#   SCALE_DATA=<folder>   seeded SQLite files (default /tmp/normbot-scale); kept, so the next run skips seeding
#   SCALE_POSTGRES=<conn> a PostgreSQL server to use instead of starting a throwaway cluster
#   SCALE_PG_PORT=55442   the loopback port of that throwaway cluster (one per concurrent run)
#   SCALE_STORES="sqlite" the stores to run (default "sqlite postgres")
#   SCALE_SIZES="100000"  the sizes to run (overrides --quick)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${SCALE_DATA:-/tmp/normbot-scale}
sizes=${SCALE_SIZES:-10000 100000 1000000}
[[ ${1:-} == --quick && -z ${SCALE_SIZES:-} ]] && sizes=10000
stores=${SCALE_STORES:-sqlite postgres}
mkdir -p "$data"
out=$(mktemp -d /tmp/normbot-scale-run.XXXXXX)
dotnet build "$here/Scale.csproj" -c Release -o "$out/bin" -nologo -v q >/dev/null || exit 2
scale() { dotnet "$out/bin/Scale.dll" "$@"; }

# PostgreSQL as .ci/run starts it: Debian's server binaries, a throwaway cluster on a spare loopback port, kept under
# $data so its seeded databases are reused by the next run; stopped on exit.
pg=${SCALE_POSTGRES:-}
pgdir=$data/pg
pgport=${SCALE_PG_PORT:-55442}
stop_pg() { :; }
if [[ " $stores " == *" postgres "* && -z $pg ]]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  if [[ -z $pgbin ]]; then
    echo "postgres: skipped, no PostgreSQL server on this machine (apt-get install postgresql, or set SCALE_POSTGRES)"
    stores=${stores//postgres/}
  else
    mkdir -p "$pgdir"; [[ $(id -u) == 0 ]] && chown postgres "$pgdir"
    [[ -d $pgdir/data ]] || as_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres > "$out/pg.log" 2>&1
    if as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-p $pgport -k $pgdir -h 127.0.0.1" -l "$pgdir/server.log" -w start >> "$out/pg.log" 2>&1; then
      pg="Host=127.0.0.1;Port=$pgport;Username=postgres"
      stop_pg() { as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1; }
    else
      echo "postgres: skipped, the throwaway server did not start (see $out/pg.log)"
      stores=${stores//postgres/}
    fi
  fi
fi
trap stop_pg EXIT

status=0
echo "| operation | store | asks | median | slowest of 5 | target | |"
echo "|---|---|---|---|---|---|---|"
for store in $stores; do
  for size in $sizes; do
    args=(--store "$store" --asks "$size" --data "$data" --postgres "$pg")
    scale seed "${args[@]}" 2>> "$out/seed.log" || { echo "seeding $store $size failed (see $out/seed.log)"; status=1; continue; }
    scale measure "${args[@]}" 2>> "$out/measure.log" || status=1
    scale explain "${args[@]}" > "$out/explain-$store-$size.txt" 2>> "$out/measure.log"
  done
done
echo "query plans and logs in $out"
exit $status
