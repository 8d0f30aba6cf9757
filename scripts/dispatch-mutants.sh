#!/bin/sh
# Mutation check of the port dispatch tables (decoder/dispatch.go): deletes
# each rule of tcpRules and udpRuleList in turn, then swaps each rule with
# the next one of its table, runs the dispatch tests of decoder/ after each
# change and restores the file. Prints the mutants the tests did not kill
# and a count; exits 1 if any survived that is not an equivalent swap (two
# rules calling one printer, whose order cannot change any output).
#
#   sh scripts/dispatch-mutants.sh [go test -run regexp, default Dispatch]
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
run=${1:-Dispatch}
f=decoder/dispatch.go
orig=$(mktemp)
cp "$f" "$orig"
trap 'cp "$orig" "$f"; rm -f "$orig"' EXIT INT TERM

# Line numbers of the rules: lines inside the two tables that start a rule.
rules=$(awk '
	/^var tcpRules = \[\]portRule\{/ || /^\treturn \[\]portRule\{/ { in_t = 1; tbl++; next }
	in_t && /^\t*\}$/ { in_t = 0; next }
	in_t && /^\t+(one|dstOnly|srcOnly|span|atalkRange)\(/ { print tbl ":" NR }
' "$orig")

# printer NR: the printer argument of the rule on line NR (for equivalence).
printer() {
	sed -n "${1}p" "$orig" | sed -E \
		-e 's/^[[:space:]]*atalkRange\(.*/atalk/' \
		-e 's/^[[:space:]]*span\([0-9]+, [0-9]+, //' \
		-e 's/^[[:space:]]*[a-zA-Z]+\([0-9]+, //' \
		-e 's/\),[[:space:]]*(\/\/.*)?$//'
}

killed=0 survived=0 equivalent=0
check() { # description
	if "$GO" test -vet=off -count=1 -run "$run" ./decoder/ >/dev/null 2>&1; then
		if [ "${equiv:-no}" = yes ]; then
			equivalent=$((equivalent + 1))
			echo "equivalent (survives): $1"
		else
			survived=$((survived + 1))
			echo "SURVIVED: $1"
		fi
	else
		killed=$((killed + 1))
	fi
	cp "$orig" "$f"
}

ndel=0 nswap=0
prev=""
for r in $rules; do
	tbl=${r%%:*} n=${r#*:}
	equiv=no
	awk -v n="$n" 'NR != n' "$orig" >"$f"
	ndel=$((ndel + 1))
	check "delete line $n: $(sed -n "${n}p" "$orig" | sed 's/^[[:space:]]*//')"
	if [ -n "$prev" ] && [ "${prev%%:*}" = "$tbl" ]; then
		p=${prev#*:}
		equiv=no
		if [ "$(printer "$p")" = "$(printer "$n")" ]; then equiv=yes; fi
		awk -v a="$p" -v b="$n" '
			NR == a { keep = $0; next }
			NR == b { print; print keep; next }
			{ print }' "$orig" >"$f"
		nswap=$((nswap + 1))
		check "swap lines $p and $n: $(sed -n "${p}p" "$orig" | sed 's/^[[:space:]]*//') <-> $(sed -n "${n}p" "$orig" | sed 's/^[[:space:]]*//')"
	fi
	prev=$r
done
echo "dispatch-mutants: $ndel deletions, $nswap adjacent swaps: $killed killed, $survived survived, $equivalent equivalent swaps (same printer) survived"
[ "$survived" -eq 0 ]
