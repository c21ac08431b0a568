# Sourced by every family's record.sh inside its recording container (scripts/make-parser-fixtures), where /src is
# this directory and /out receives the logs. Test commands fail on purpose (the projects hold failing tests): exit
# codes are recorded, not acted on.
#   record_init FAMILY       copies the family's projects to /work/p (all of /src for multilingual) and starts its
#                            exit-code file: /out/exit-codes.txt for multilingual, /out/exit-codes-FAMILY.txt else
#   rec FORMAT/NAME CMD...   runs CMD (stdout and stderr combined, as the harness captures them) into /out/FORMAT/NAME
#   rec_out FORMAT/NAME CMD... the same with stdout only (a JSON report piped onward), stderr dropped
#   sh_ 'CMD'                a shell line as one command, for rec
#   die MESSAGE              stops the recording, naming the family
out=/out
record_init() {
  family=$1
  mkdir -p "$out"
  if [ "$family" = multilingual ]; then cp -r /src /work/p; codes=$out/exit-codes.txt
  else cp -r "/src/$family" /work/p; codes=$out/exit-codes-$family.txt; fi
  : > "$codes"
}
rec() { local dest=$out/$1; shift; mkdir -p "$(dirname "$dest")"; "$@" >"$dest" 2>&1; echo "$? ${dest#$out/}" >>"$codes"; }
rec_out() { local dest=$out/$1; shift; mkdir -p "$(dirname "$dest")"; "$@" >"$dest" 2>/dev/null; echo "$? ${dest#$out/}" >>"$codes"; }
sh_() { bash -c "$1"; }
die() { echo "record.sh ($family): $*" >&2; exit 1; }
