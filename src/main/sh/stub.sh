#!/bin/sh
# permitcheck: this file is a shell stub followed by the program's jar. JVM flags are chosen per kind
# of run: quick start-up (C1 only, serial GC, the class-data sharing archive next to this file when
# present) unless a directory of case files is given, where the full JIT pays off.
self="$0"
flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
for arg in "$@"; do
  if [ -d "$arg" ]; then flags=""; fi
done
if [ -f "$self.jsa" ]; then
  flags="$flags -XX:SharedArchiveFile=$self.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
exec java $flags $PERMITCHECK_JAVA_OPTS -jar "$self" "$@"
