#!/bin/sh
# Record the expected stdout of every benchmark program (or of the programs
# named as arguments, without .py) from CPython: bench/programs/expected/
# <name>.out for the normal workload and <name>.short.out for --short.
# Usage: bench/record.sh [name ...]      (PYTHON=python3.11 to pick another)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
cd "$here/programs"
mkdir -p expected
if [ "$#" -eq 0 ]; then
    set -- $(ls [a-z]*.py | sed 's/\.py$//')
fi
for name in "$@"; do
    printf '%s: ' "$name"
    "$py" "$name.py" --short >"expected/$name.short.out" 2>/dev/null
    "$py" "$name.py" >"expected/$name.out" 2>/dev/null
    echo "$(wc -l <"expected/$name.out") lines"
done
