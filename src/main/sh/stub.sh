#!/bin/sh
# permitcheck: this file is a shell stub followed by the program's jar. JVM flags are chosen per kind
# of run, as measured on 2 cores (README, Performance); the serial collector always.
# - A few cases: C1 only with one compiler thread; nothing would pay back C2's compile time, and the
#   second core is left to the program, which reads its rules on a second thread.
# - A batch (a directory, an .ndjson/.jsonl file or stdin) with one job: the tiered JIT, whose C2
#   compiles on the core the job leaves free, inlining less than by default (FreqInlineSize=100,
#   InlineSmallCode=1000) so that its code is ready sooner: 100,000 YAML files take 6.4 s against 7.4 s
#   by the median of 5 alternating rounds, and 100,000 NDJSON cases 3.3 s against 3.9 s.
# - A batch with several jobs: C1 only, since C2 would compile on the cores the jobs need (a
#   100,000-case NDJSON file takes 2.4 s so, against 3.0 s tiered); but the tiered JIT as for one job
#   where C2's faster code pays back its compile time: when an input file is over 256 MB, about
#   130,000 cases (1,000,000 cases: 16.5 s, against 20.2 s with C2 alone, and 26 s with C1), or an input
#   directory holds more than 50,000 case files (100,000 YAML files: 5.4 s, against 5.9 s with C2 alone
#   and 6.2 s with C1; 50,000 files: 5.5 s against 6.8 s with C1; 30,000 files: 3.8 s, against 3.3 s
#   with C1; medians of 3 to 5 alternating rounds in a slow spell of the machine).
# Then the class-data sharing archive next to this file, when present. PERMITCHECK_JAVA_OPTS come last,
# so they can override all this.
self="$0"
flags="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
batch=""
big=""
one_job=""
previous=""
for arg in "$@"; do
  case "$arg" in
    -|*.ndjson|*.jsonl) batch=1 ;;
    --jobs=1) one_job=1 ;;
    *) if [ -d "$arg" ]; then batch=1; fi ;;
  esac
  if [ "$previous" = "--jobs" ] && [ "$arg" = "1" ]; then one_job=1; fi
  previous="$arg"
done
# how large the inputs are matters only with several jobs (counting 50,000 files takes find 0.1 s)
if [ -n "$batch" ] && [ -z "$one_job" ]; then
  for arg in "$@"; do
    [ -z "$big" ] || break
    case "$arg" in
      *.ndjson|*.jsonl)
        if [ -n "$(find "$arg" -maxdepth 0 -size +262144k 2>/dev/null)" ]; then big=1; fi ;;
      *)
        if [ -d "$arg" ] && [ "$(find "$arg" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) \
            2>/dev/null | head -n 50001 | wc -l)" -gt 50000 ]; then big=1; fi ;;
    esac
  done
fi
if [ -n "$batch" ]; then
  if [ -n "$one_job" ] || [ -n "$big" ]; then
    flags="-XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -XX:+UseSerialGC"
  else
    flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  fi
fi
if [ -f "$self.jsa" ]; then
  flags="$flags -XX:SharedArchiveFile=$self.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
exec java $flags $PERMITCHECK_JAVA_OPTS -jar "$self" "$@"
