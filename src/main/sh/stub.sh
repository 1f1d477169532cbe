#!/bin/sh
# permitcheck: this file is a shell stub followed by the program's jar. JVM flags are chosen per kind
# of run: a quick start (C1 only, one compiler thread, serial GC) for a few cases, the full JIT for a
# batch (a directory, an .ndjson/.jsonl file or stdin), where it pays off; and the class-data sharing
# archive next to this file, when present. One compiler thread leaves the second core to the program,
# which reads its rules on a second thread while it builds the command line.
self="$0"
flags="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
for arg in "$@"; do
  case "$arg" in
    -|*.ndjson|*.jsonl) flags="" ;;
    *) if [ -d "$arg" ]; then flags=""; fi ;;
  esac
done
if [ -f "$self.jsa" ]; then
  flags="$flags -XX:SharedArchiveFile=$self.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
exec java $flags $PERMITCHECK_JAVA_OPTS -jar "$self" "$@"
