#!/bin/sh
# Lints one manual page the way it is read: groff's man macros with every
# warning on, then man(1)'s own pipeline. Any diagnostic fails the test
# (groff exits 0 on warnings, so its stderr is what counts).
# Usage: check-man-page.sh PAGE
set -u
page=$1
command -v groff >/dev/null || { echo "groff not found: install groff-base" >&2; exit 1; }
out=$(groff -man -ww -z "$page" 2>&1)
if [ -n "$out" ]; then
  echo "groff -man -ww -z $page:" >&2
  echo "$out" >&2
  exit 1
fi
if command -v man >/dev/null; then
  out=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  if [ -n "$out" ]; then
    echo "man --warnings -l $page:" >&2
    echo "$out" >&2
    exit 1
  fi
fi
echo "$page: no warnings"
