#!/bin/sh
# permitcheck: this file is a shell stub followed by the program's jar. JVM flags are chosen per kind
# of run, as measured on 2 cores (README, Performance); the serial collector always.
# - A few cases: C1 only with one compiler thread; nothing would pay back C2's compile time, and the
#   second core is left to the program, which reads its rules on a second thread.
# - A batch (a directory, an .ndjson/.jsonl file or stdin) that is large for its number of jobs: the
#   tiered JIT, inlining less than by default (FreqInlineSize=100, InlineSmallCode=1000) so that C2's
#   code is ready sooner. With one job, C2 compiles on the core the job leaves free and pays back from
#   a directory of over 15,000 case files, an input file over 64 MB (about 34,000 cases), or a pipe on
#   stdin, whose length is unknown (20,000 YAML files: 1.07 s either way; 10,000 files: 0.82 s against
#   0.70 s with C1; 50,000 NDJSON cases: 1.03 s against 1.07 s with C1; 20,000 cases: 0.68 s against
#   0.58 s). With several jobs C2 compiles on the cores the jobs need and pays back only from a
#   directory of over 50,000 case files or a file over 256 MB, about 130,000 cases (on the earlier,
#   slower machine: 100,000 YAML files 5.4 s, against 5.9 s with C2 alone and 6.2 s with C1; 50,000
#   files 5.5 s against 6.8 s with C1; 30,000 files 3.8 s, against 3.3 s with C1; 1,000,000 cases
#   16.5 s, against 20.2 s with C2 alone and 26 s with C1). For a directory, C2 inlines less still
#   (MaxInlineSize=15, FreqInlineSize=40, InlineSmallCode=400): its files take more code to read than
#   NDJSON lines, and C2 is done with it sooner (100,000 YAML files with 2 jobs: 2.08 s against 2.22 s,
#   faster in 8 of 10 rounds; but one job 3.01 s against 2.77 s, and 1,000,000 NDJSON cases 6.3 s
#   against 6.0 s). Stdin redirected from a file counts as that file. Medians of 3 to 10 alternating
#   rounds.
# - A smaller batch: C1 only, for the same reasons as a few cases, with the default compiler threads.
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
# how large the inputs are for their number of jobs (counting the files stops at the limit)
if [ -n "$one_job" ]; then files=15000; bytes=65536k; else files=50000; bytes=262144k; fi
# whether the file that find's arguments name is over the limit in bytes
over_limit() { [ -n "$(find "$@" -maxdepth 0 -size +$bytes 2>/dev/null)" ]; }
if [ -n "$batch" ]; then
  for arg in "$@"; do
    [ "$big" != directory ] || break # a large directory decides, whatever else comes with it
    case "$arg" in
      -)
        if [ -f /dev/stdin ]; then # redirected from a file: by its size
          if over_limit -L /dev/stdin; then big=1; fi
        elif [ -n "$one_job" ]; then big=1; fi ;;
      *.ndjson|*.jsonl) # named through a link, as the program follows it (-H)
        if over_limit -H "$arg"; then big=1; fi ;;
      *)
        if [ -d "$arg" ] && [ "$(find -H "$arg" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) \
            2>/dev/null | head -n $((files + 1)) | wc -l)" -gt $files ]; then big=directory; fi ;;
    esac
  done
fi
if [ -n "$batch" ]; then
  if [ "$big" = directory ] && [ -z "$one_job" ]; then
    flags="-XX:MaxInlineSize=15 -XX:FreqInlineSize=40 -XX:InlineSmallCode=400 -XX:+UseSerialGC"
  elif [ -n "$big" ]; then
    flags="-XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -XX:+UseSerialGC"
  else
    flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  fi
fi
if [ -f "$self.jsa" ]; then
  flags="$flags -XX:SharedArchiveFile=$self.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
# A locale without a character set (none, C, POSIX: a container, cron, ssh without LANG) makes Java 17
# take arguments, file names and the terminal as ASCII, so that 'eval café.yaml' cannot open the file and
# the interview shows 'Fran?ais' and reads a typed 'é' as '?'. The JVM then gets the UTF-8 variant of C
# for its character set; the language stays the locale's (LC_ALL is handed on as LC_MESSAGES, which it
# outranks anyway, and as LANG, so that no other category comes from a LANG it overrode, which glibc
# would refuse whole if that locale is not installed). A locale that names its character set
# (fr_FR.ISO-8859-1, de_DE@euro) is kept.
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
  ""|C|POSIX)
    if [ -n "${LC_ALL:-}" ]; then
      LC_MESSAGES="$LC_ALL"
      LANG="$LC_ALL"
      export LC_MESSAGES LANG
      unset LC_ALL
    fi
    LC_CTYPE=C.UTF-8
    export LC_CTYPE ;;
esac
exec java $flags $PERMITCHECK_JAVA_OPTS -jar "$self" "$@"
