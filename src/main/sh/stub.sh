#!/bin/sh
# permitcheck: this file is a shell stub followed by the program's jar. JVM flags are chosen per kind
# of run. Always C1 only (no C2 compiler), serial GC: for a few cases nothing would pay back C2's
# compile time, and in a batch (a directory, an .ndjson/.jsonl file or stdin) with several jobs C2
# compiles on the cores the jobs need: on 2 cores a 100,000-case NDJSON batch is faster with C1 alone,
# and a second job then gains 1.7x instead of nothing (see README, Performance). Only a batch run with
# --jobs 1 gets the full JIT, which then compiles on a core the job leaves free. One compiler thread
# for a single case leaves the second core to the program, which reads its rules on a second thread
# while it builds the command line. And the class-data sharing archive next to this file, when present.
self="$0"
flags="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
batch=""
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
if [ -n "$batch" ]; then
  if [ -n "$one_job" ]; then
    flags="-XX:+UseSerialGC"
  else
    flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  fi
fi
if [ -f "$self.jsa" ]; then
  flags="$flags -XX:SharedArchiveFile=$self.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
exec java $flags $PERMITCHECK_JAVA_OPTS -jar "$self" "$@"
