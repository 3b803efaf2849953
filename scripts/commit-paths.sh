#!/usr/bin/env bash
# scripts/commit-paths.sh "message" path... : commits the working-tree content of the given paths on top of the CURRENT HEAD,
# nothing else, and only if HEAD did not move meanwhile (compare-and-swap on refs/heads/main; retries on a move).
set -euo pipefail
cd "$(dirname "$0")/.."
msg="$1"; shift
for attempt in 1 2 3 4 5; do
  head=$(git rev-parse refs/heads/main)
  idx=$(mktemp /tmp/safe-idx.XXXXXX); rm -f "$idx"
  GIT_INDEX_FILE="$idx" git read-tree "$head"
  for p in "$@"; do
    if [ -e "$p" ]; then GIT_INDEX_FILE="$idx" git add -- "$p"; else GIT_INDEX_FILE="$idx" git rm -q --cached --ignore-unmatch -- "$p"; fi
  done
  tree=$(GIT_INDEX_FILE="$idx" git write-tree); rm -f "$idx"
  if [ "$tree" = "$(git rev-parse "$head^{tree}")" ]; then echo "nothing to commit"; exit 0; fi
  commit=$(git commit-tree "$tree" -p "$head" -m "$msg")
  if git update-ref refs/heads/main "$commit" "$head" 2>/dev/null; then
    git reset -q -- "$@" 2>/dev/null || true   # the shared index follows HEAD for these paths
    echo "committed $(git rev-parse --short "$commit") on $(git rev-parse --short "$head")"; exit 0
  fi
  echo "HEAD moved; retrying"
done
echo "gave up: HEAD keeps moving"; exit 1
