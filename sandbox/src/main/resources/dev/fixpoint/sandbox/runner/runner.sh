# Fixpoint command runner: one per sandbox, started with `docker exec -i`, reads requests on stdin and runs
# each command in its own process group; nothing a command starts outlives it. POSIX sh; run by bash when present ("jobctl": `set -m` gives every
# background job its own process group, no extra process), else by sh with setsid ("setsid": one more exec),
# else by sh alone ("none": commands share the runner's group; a timeout kills everything, runner included).
#
# Request (from Java, see RunnerProtocol):
#   x TOK N\n  [N stdin bytes, then "\ns TOK\n"]  PRELUDE-LINES TOK\n  COMMAND-LINES TOK\n
#   q\n  (quit)
# Reply, on both stdout and stderr unless noted:
#   TOK b\n                  begin: everything before it on this stream is stray output and is dropped
#   TOK p PID\n  (stdout)    the command's process group id
#   TOK e EXIT OOMKILLS\n    end: the command and the output it wrote before exiting are complete
mode=$1
exec 3>&1 4>&2 2>/dev/null
pgf=/tmp/.fixpoint-pgid
inf=/tmp/.fixpoint-stdin-$$
nl='
'
oomf=
if [ -r /sys/fs/cgroup/memory.events ]; then oomf=/sys/fs/cgroup/memory.events
elif [ -r /sys/fs/cgroup/memory/memory.oom_control ]; then oomf=/sys/fs/cgroup/memory/memory.oom_control
fi
oomcount() {
  n=0
  if [ -n "$oomf" ]; then
    while read -r k v; do [ "$k" = oom_kill ] && n=$v; done < "$oomf"
  fi
}
# Reads lines up to the line "$tok" into $blk; EOF means Java went away.
readblock() {
  blk=
  while IFS= read -r l; do
    [ "$l" = "$tok" ] && return 0
    blk=$blk$l$nl
  done
  exit 0
}
# Skips to the line "s $tok" that follows raw bytes, whether or not they were all consumed.
resync() {
  while IFS= read -r l; do [ "$l" = "s $tok" ] && return 0; done
  exit 0
}
case $mode in
  jobctl) set -m; gs=; grp=1 ;;
  setsid) gs=setsid; grp=1 ;;
  *) gs=; grp= ;;
esac
{ echo 500 > /proc/self/oom_score_adj; } 2>/dev/null
printf 'fixpoint-runner ready %s %s\n' "$mode" "$$" >&3
while read -r op tok n; do
  case $op in
  x)
    in=/dev/null
    staged=0
    if [ "$n" -gt 0 ]; then
      head -c "$n" > "$inf"; staged=$?
      resync
      in=$inf
    fi
    readblock; pre=$blk
    readblock; cmd=$blk
    oomcount; o0=$n
    printf '%s b\n' "$tok" >&3
    printf '%s b\n' "$tok" >&4
    if [ "$staged" -ne 0 ]; then
      printf 'fixpoint: could not stage stdin for the command (disk or file size limit?)\n' >&4
      rc=126
    else
      ( { echo 1000 > /proc/self/oom_score_adj; } 2>/dev/null
        eval "$pre"
        exec $gs sh -c "$cmd" ) < "$in" >&3 2>&4 3>&- 4>&- &
      pid=$!
      if [ -n "$grp" ]; then printf '%s\n' "-$pid" > "$pgf"; else printf '%s\n' -1 > "$pgf"; fi
      printf '%s p %s\n' "$tok" "$pid" >&3
      wait "$pid"; rc=$?
      # Everything the command left behind dies with it: its group's background jobs and processes that left
      # the group (setsid, double fork). kill -1 signals every process but PID 1 (the keeper, which re-arms its
      # lifetime timer) and the runner itself; twice, for a fork caught between the two.
      kill -9 -1; kill -9 -1
      : > "$pgf"
      [ "$in" = /dev/null ] || : > "$in"
    fi
    oomcount
    printf '%s e %s %s\n' "$tok" "$rc" "$(( n - o0 ))" >&3
    printf '%s e %s %s\n' "$tok" "$rc" "$(( n - o0 ))" >&4
    ;;
  q) exit 0 ;;
  *) printf 'fixpoint-runner: unknown request %s\n' "$op" >&4 ;;
  esac
done
