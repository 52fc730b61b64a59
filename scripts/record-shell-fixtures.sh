#!/usr/bin/env bash
# Records what the real /bin/bash prints for every case in
# Tests/LabCoreTests/Fixtures/shell/cases.txt, into bash-fixtures.json next to it.
#
# Each case runs as `/bin/bash -c BODY` in a fresh, empty temporary directory that is also
# $HOME, with a fixed environment (env -i). The temporary directory's path is then replaced by
# /root, the simulated machine's home and working directory. Needs jq.
#
# Usage: scripts/record-shell-fixtures.sh [CASES-FILE [OUTPUT-JSON]] (defaults: the files above).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/Tests/LabCoreTests/Fixtures/shell"
cases="${1:-$dir/cases.txt}"
out="${2:-$dir/bash-fixtures.json}"
bash_path=/bin/bash
fixed_path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
records="$work/records.jsonl"
: > "$records"

record() { # name body
    local name="$1" body="$2" tmp status
    tmp="$(mktemp -d /tmp/shellcase.XXXXXX)"
    status=0
    (cd "$tmp" && env -i HOME="$tmp" PATH="$fixed_path" LC_ALL=C bash -c "$body" \
        > "$work/stdout" 2> "$work/stderr" < /dev/null) || status=$?
    rm -rf "$tmp"
    jq -n --arg name "$name" --arg command "$body" --rawfile stdout "$work/stdout" \
        --rawfile stderr "$work/stderr" --argjson status "$status" --arg tmp "$tmp" \
        '{name: $name, command: $command,
          stdout: ($stdout | split($tmp) | join("/root")),
          stderr: ($stderr | split($tmp) | join("/root")),
          status: $status}' >> "$records"
}

name=""
body=""
have=0
while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" == "### "* ]]; then
        if (( have )); then record "$name" "${body%$'\n'}"; fi
        name="${line#'### '}"
        body=""
        have=1
    elif (( have )); then
        body+="$line"$'\n'
    fi
done < "$cases"
if (( have )); then record "$name" "${body%$'\n'}"; fi

jq -s --arg bash "$("$bash_path" --version | head -n 1)" \
    --arg how "env -i HOME=<tmp> PATH=$fixed_path LC_ALL=C bash -c <command> (bash = $bash_path) (cwd <tmp>, <tmp> shown as /root)" \
    '{recordedWith: $bash, invocation: $how, cases: .}' "$records" > "$out"
echo "wrote $(jq '.cases | length' "$out") cases to $out"
