#!/usr/bin/env bash
# Runs scripts/slurm/newsgraph-slurm on a real single-node Slurm started here:
#   1. the seed and dev articles in 3 shards + merge give the single build's export byte for byte;
#   2. a shard that fails (its newsgraph gets a missing --data-dir) cancels the merge and is named.
# Installs slurmctld, slurmd, slurm-client and munge from Debian when missing (needs root),
# runs munged, slurmctld and slurmd as plain background processes with their configuration,
# key and state in a temporary directory, and kills them by process id on exit.
#
#   tests/slurm/run_slurm_test.sh BUILD/newsgraph [SOURCE_DIR]
set -euo pipefail

newsgraph=$(realpath "${1:?usage: run_slurm_test.sh NEWSGRAPH [SOURCE_DIR]}")
source_dir=$(realpath "${2:-$(dirname "$0")/../..}")
shared=$(realpath "$source_dir/../shared")
submit="$source_dir/scripts/slurm/newsgraph-slurm"
corpus=("$shared/corpus/seeds" "$shared/corpus/dev")
start_time=$SECONDS

log() { echo "slurm test: $*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

if (($(id -u) != 0)); then
  log "SKIP: needs root (to install Slurm and run slurmd)"
  exit 77
fi

# --- Install what is missing. Services are not started by the packages (policy-rc.d);
# this test starts its own daemons.
packages=(slurmctld slurmd slurm-client munge)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  ((own_policy)) && rm -f "$policy"
fi

# --- A single-node cluster under a temporary directory.
tmp=$(mktemp -d /tmp/newsgraph-slurm-test.XXXXXX)
chmod 755 "$tmp"  # munged refuses a socket directory that is not world-executable
pids=()
jobs_submitted=()
cleanup() {
  local status=$?
  if ((${#jobs_submitted[@]})); then
    scancel "${jobs_submitted[@]}" 2>/dev/null || true
  fi
  # The slurmstepd of finished jobs linger for a moment: let them end (ours only, found by
  # the slurm.conf in their environment) before the daemons go.
  for _ in $(seq 100); do
    steps=()
    for pid in $(pgrep -x slurmstepd || true); do
      tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "SLURM_CONF=$tmp/slurm.conf" &&
        steps+=("$pid")
    done
    ((${#steps[@]})) || break
    sleep 0.1
  done
  ((${#steps[@]} == 0)) || kill -9 "${steps[@]}" 2>/dev/null || true
  # slurmd first (it also ends the slurmstepd of any job still running), then the others.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if ((status != 0)); then
    for f in "$tmp"/log/*.log "$tmp"/run*/logs/*.log; do
      [[ -f $f ]] || continue
      echo "----- $f" >&2
      tail -n 20 "$f" >&2
    done
  fi
  rm -rf "$tmp"
  log "$( ((status == 0)) && echo PASS || echo "FAIL ($status)") in $((SECONDS - start_time)) s"
}
trap cleanup EXIT

host=$(hostname -s)
mkdir -p "$tmp/munge" "$tmp/log" "$tmp/state" "$tmp/spool"
chmod 700 "$tmp/state" "$tmp/spool"
chmod 755 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
socket="$tmp/munge/munge.socket"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
ctld_port=$(free_port)
slurmd_port=$(free_port)
while [[ $slurmd_port == "$ctld_port" ]]; do slurmd_port=$(free_port); done
cpus=$(nproc)
memory=$(($(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) / 2))

export SLURM_CONF="$tmp/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=newsgraph-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
DependencyParameters=kill_invalid_depend
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MinJobAge=3600
ReturnToService=2
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF

munged -F --socket="$socket" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" \
  --seed-file="$tmp/munge/munge.seed" &>"$tmp/log/munged.out" &
pids+=($!)
for _ in $(seq 50); do [[ -S $socket ]] && break; sleep 0.1; done
[[ -S $socket ]] || fail "munged did not start"

slurmctld -D -i -f "$SLURM_CONF" &>"$tmp/log/slurmctld.out" &
pids+=($!)
slurmd -D -f "$SLURM_CONF" &>"$tmp/log/slurmd.out" &
pids+=($!)
state=""
for _ in $(seq 150); do
  state=$(sinfo -h -o %T 2>/dev/null | head -n 1) || true
  [[ $state == idle ]] && break
  sleep 0.2
done
[[ $state == idle ]] || fail "the node did not come up (state '${state}')"
log "Slurm up in $((SECONDS - start_time)) s"

# --- 1. Three shards merged equal the single build.
"$newsgraph" build -q "${corpus[@]}" -o "$tmp/single.db"
"$newsgraph" export -q "$tmp/single.db" --format graphml -o "$tmp/single.graphml"

"$submit" -n 3 -o "$tmp/run" --newsgraph "$newsgraph" --wait --poll 0.5 "${corpus[@]}" \
  >"$tmp/run.out" 2>"$tmp/run.err" || {
  cat "$tmp/run.out" "$tmp/run.err" >&2
  fail "the 3-shard run failed"
}
cat "$tmp/run.err" >&2
jobs_submitted+=($(sed -n 's/^[a-z]*_job=//p' "$tmp/run.out"))
((${#jobs_submitted[@]} == 2)) || fail "job ids not printed: $(cat "$tmp/run.out")"
for i in 1 2 3; do
  [[ -s $tmp/run/shards/shard-$i.db ]] || fail "shard $i store missing"
done
cmp "$tmp/single.graphml" "$tmp/run/newsgraph.graphml" ||
  fail "merged export differs from the single build"
log "3 shards merged equal the single build ($(wc -c <"$tmp/single.graphml") bytes of GraphML)"

# --- 2. A failing shard: shard 2 gets a data directory that does not exist.
cat >"$tmp/flaky-newsgraph" <<EOF
#!/usr/bin/env bash
for arg in "\$@"; do
  [[ \$arg == 2/3 ]] && exec $(printf %q "$newsgraph") "\$@" --data-dir $(printf %q "$tmp/no-such-data")
done
exec $(printf %q "$newsgraph") "\$@"
EOF
chmod +x "$tmp/flaky-newsgraph"
status=0
"$submit" -n 3 -o "$tmp/run-fail" --newsgraph "$tmp/flaky-newsgraph" --wait --poll 0.5 \
  "${corpus[@]}" >"$tmp/fail.out" 2>"$tmp/fail.err" || status=$?
cat "$tmp/fail.err" >&2
jobs_submitted+=($(sed -n 's/^[a-z]*_job=//p' "$tmp/fail.out"))
((status == 1)) || fail "a failing shard should give exit status 1, got $status"
grep -q "shard 2/3 (job [0-9]*_2) FAILED" "$tmp/fail.err" || fail "the failing shard is not named"
if grep -q "shard [13]/3 .*FAILED" "$tmp/fail.err"; then fail "a good shard was reported failed"; fi
merge_job=$(sed -n 's/^merge_job=//p' "$tmp/fail.out")
merge_state=$(squeue -h -t all -j "$merge_job" -o %T)
[[ $merge_state == CANCELLED ]] || fail "merge job $merge_job is $merge_state, not CANCELLED"
[[ ! -e $tmp/run-fail/newsgraph.db ]] || fail "a store was merged although a shard failed"
log "failing shard 2 named, merge job $merge_job $merge_state"
