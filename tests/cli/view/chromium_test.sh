#!/bin/sh
# Opens a page of `newsgraph view` in Debian's headless Chromium and checks the DOM the page
# leaves: nodes drawn (the page marks <body data-drawn-nodes=N>), no console message at all
# (an error, or a request the page's Content-Security-Policy blocked), and each PATTERN
# (grep -E) present, or absent when written !PATTERN. Exits 77, which ctest counts as skipped, where Chromium is absent.
#
#   chromium_test.sh seeds.html '#select=n:russia' 'id="node-relations"'
set -u
page=$1 fragment=$2
shift 2
browser=$(command -v chromium || command -v chromium-browser) || {
  echo "SKIPPED: Chromium is not installed (Debian package chromium); the page was not rendered"
  exit 77
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --enable-logging=stderr --v=0 --window-size=1280,800 \
  --virtual-time-budget=2000 --dump-dom "file://$(realpath "$page")$fragment" \
  >"$work/dom.html" 2>"$work/log.txt"
status=$?
if [ $status -ne 0 ]; then
  tail -5 "$work/log.txt"
  echo "chromium exited with $status"
  exit 1
fi
if grep 'CONSOLE' "$work/log.txt"; then
  echo "the page wrote to the console (above)"
  exit 1
fi
nodes=$(grep -o 'data-drawn-nodes="[0-9]*"' "$work/dom.html" | grep -o '[0-9][0-9]*')
if [ "${nodes:-0}" -eq 0 ]; then
  echo "no nodes drawn"
  exit 1
fi
for pattern in "$@"; do
  case $pattern in
    !*)
      if grep -Eq -- "${pattern#!}" "$work/dom.html"; then
        echo "in the page's DOM, and should not be: ${pattern#!}"
        exit 1
      fi ;;
    *)
      if ! grep -Eq -- "$pattern" "$work/dom.html"; then
        echo "not in the page's DOM: $pattern"
        exit 1
      fi ;;
  esac
done
echo "drawn: $nodes nodes"
