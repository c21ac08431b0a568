# Fixpoint sandbox keeper: the container's main process (PID 1), run by dash/sh.
#  - bounds the container's lifetime: exits (so the container stops and is auto-removed) after $1 seconds;
#  - reaps orphaned processes while it waits (sh's wait reaps any child);
#  - on SIGUSR1 (sent with the Docker API, so it needs no new process: works even when the pids limit is
#    exhausted) kills the command that is running now: the runner writes the kill target to $pgf, "-PGID"
#    (the command's process group), or "-1" (every process but the keeper) when the command has no group of
#    its own (runner in "none" mode; Java then restarts the runner).
# PID 1 ignores signals it has no handler for, so commands cannot kill the keeper.
pgf=/tmp/.fixpoint-pgid
end=$(( $(date +%s) + $1 ))
trap 't=; read -r t < "$pgf"; [ -n "$t" ] && kill -9 "$t" 2>/dev/null' USR1
trap 'exit 0' TERM
now=$(date +%s) || now=0
sleep $(( end - now )) &
s=$!
while :; do
  # wait returns early on USR1 (after the trap ran): keep waiting for the same timer while it runs.
  wait "$s"
  kill -0 "$s" 2>/dev/null && continue
  # date itself may be killed (the runner kills every process after each command): ask again, never assume 0,
  # which would arm a timer of decades.
  now=$(date +%s) || continue
  [ -n "$now" ] || continue
  [ "$now" -ge "$end" ] && exit 0
  # A command killed the timer (kill -9 -1): re-arm it for the time left.
  sleep $(( end - now )) &
  s=$!
done
