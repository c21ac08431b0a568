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
while :; do
  now=$(date +%s) || now=0
  [ "$now" -ge "$end" ] && exit 0
  sleep $(( end - now )) &
  s=$!
  # wait returns early on USR1 (after the trap ran) or when a command killed the sleep: loop and re-arm.
  wait "$s"
done
