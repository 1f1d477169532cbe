#!/bin/sh
exec java $PERMITCHECK_JAVA_OPTS -jar "$0" "$@"
