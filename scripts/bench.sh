#!/bin/sh
# make bench: the Go benchmarks, then whole processes side by side on two
# 1,000,000-packet pflog captures made by the project's own generator:
#
#   scan  port scans and probes from 2,000 IPv4 and 2,000 IPv6 hosts, the
#         few thousand addresses a firewall logs in a day (-mix scan -hosts),
#         logged by 20 rules (-rules: 20 distinct pflog headers, as a
#         firewall's few logging rules write; file scanr-COUNT.pcap)
#   wide  every address drawn afresh: about a million distinct ones
#
# For each: pfasciilogd's text (default ISO prefix) and JSON, the floor
# (cmd/internal/floor: the same reader and writer, a fixed 163-byte line
# per packet, no decoding), the read-only floor (nothing written), and
# Debian's tcpdump -n -e -t. CPU time per packet (user+sys, median of
# RUNS interleaved runs) and peak RSS (largest of the runs); then
# instructions per packet under valgrind (cachegrind) on 100,000 packets
# of the scan mix, start-up (a 1-packet file) subtracted, the smallest
# count of VGRUNS (3) runs each. It reports; it asserts nothing.
#
# On the wide mix tcpdump's cost per packet grows with the number of
# distinct addresses it has seen (its address-to-name cache is a set of
# hash chains that are never pruned, even with -n), so a 1M-packet run
# takes minutes: it runs on the first WIDE_TCPDUMP (100,000 and 300,000)
# packets of the same capture instead, to show the growth.
#
#   RUNS=3 COUNT=1000000 GOBENCH=1 VALGRIND=1 WIDE_TCPDUMP="100000 300000" sh scripts/bench.sh
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
RUNS=${RUNS:-3}
COUNT=${COUNT:-1000000}
GOBENCH=${GOBENCH:-1}
VALGRIND=${VALGRIND:-1}
VGCOUNT=${VGCOUNT:-100000}
VGRUNS=${VGRUNS:-3}
WIDE_TCPDUMP=${WIDE_TCPDUMP:-100000 300000}
HOSTS=2000
RULES=20
dir=testdata/bench

if [ "$GOBENCH" = 1 ]; then
	echo "== Go benchmarks"
	"$GO" test -run '^$' -bench . -benchmem ./decoder/ ./writer/ ./internal/timefmt/ ./cmd/pfasciilogd/ | grep -E '^(Benchmark|ok|PASS)' || true
	echo
fi

"$GO" build -o bin/floor ./cmd/internal/floor
mkdir -p "$dir"
# gen NAME COUNT ARGS...: the capture $dir/NAME-COUNT.pcap, made once.
gen() {
	f=$dir/$1-$2.pcap
	n=$2
	shift 2
	if [ ! -s "$f" ]; then
		"$GO" run ./testdata/gen -seed 1 -count "$n" -flavor freebsd -o "$f.tmp" "$@"
		mv "$f.tmp" "$f"
	fi
}
gen scanr "$COUNT" -mix scan -hosts $HOSTS -rules $RULES
gen wide "$COUNT" -mix wide
for n in $WIDE_TCPDUMP; do gen wide "$n" -mix wide; done
if [ "$VALGRIND" = 1 ]; then
	gen scanr "$VGCOUNT" -mix scan -hosts $HOSTS -rules $RULES
	gen scanr 1 -mix scan -hosts $HOSTS -rules $RULES
fi

"$GO" build -o bin/cputime ./cmd/internal/cputime
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
last=$(echo "$WIDE_TCPDUMP" | awk '{print $NF}') # the longest wide prefix tcpdump reads
have_tcpdump=0
command -v tcpdump >/dev/null 2>&1 && have_tcpdump=1

# run KEY CMD...: one run, output to /dev/null; appends "cpu_seconds
# maxrss_kib" (cmd/internal/cputime: user+sys from the kernel's rusage, to
# the microsecond) to $tmp/KEY.
run() {
	key=$1
	shift
	bin/cputime "$@" >>"$tmp/$key" 2>"$tmp/err" || { echo "failed: $*" >&2; cat "$tmp/err" >&2; }
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
# row KEY LABEL PACKETS: a table row, and the ns/packet in $tmp/KEY.ns.
row() {
	[ -s "$tmp/$1" ] || return 0
	t=$(cut -d' ' -f1 "$tmp/$1" | median)
	rss=$(cut -d' ' -f2 "$tmp/$1" | sort -n | tail -1)
	ns=$(awk -v t="$t" -v n="$3" 'BEGIN { printf "%.0f", t * 1e9 / n }')
	echo "$ns" >"$tmp/$1.ns"
	printf '| %-44s | %9s | %8s | %7.3f s | %8.1f MiB |\n' "$2" "$(printf %d "$3")" "$ns" "$t" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
}
ratio() { # ratio A B: A's ns over B's
	[ -s "$tmp/$1.ns" ] && [ -s "$tmp/$2.ns" ] || { echo "-"; return; }
	awk -v a="$(cat "$tmp/$1.ns")" -v b="$(cat "$tmp/$2.ns")" 'BEGIN { printf "%.1fx", a / b }'
}

for mix in scan wide; do
	f=$dir/$mix-$COUNT.pcap
	[ $mix = scan ] && f=$dir/scanr-$COUNT.pcap
	echo "== $mix mix: $f ($COUNT packets, $(du -h "$f" | cut -f1)), CPU per packet, median of $RUNS runs"
	i=0
	while [ $i -lt "$RUNS" ]; do
		run "$mix-text" bin/pfasciilogd -r "$f"
		run "$mix-json" bin/pfasciilogd -r "$f" --format json
		run "$mix-floor" bin/floor "$f"
		run "$mix-read" bin/floor -read "$f"
		if [ $have_tcpdump = 1 ]; then
			if [ $mix = scan ]; then
				run "$mix-tcpdump" tcpdump -n -e -t -r "$f"
				run "$mix-tcpdump-S" tcpdump -n -e -t -S -r "$f"
			else
				for n in $WIDE_TCPDUMP; do run "$mix-tcpdump-$n" tcpdump -n -e -t -r "$dir/wide-$n.pcap"; done
				run "$mix-tcpdump-S" tcpdump -n -e -t -S -r "$dir/wide-$last.pcap"
			fi
		fi
		i=$((i + 1))
	done
	echo "| program | packets | ns/packet | CPU | peak RSS |"
	echo "| --- | ---: | ---: | ---: | ---: |"
	row "$mix-text" '`pfasciilogd -r F`' "$COUNT"
	row "$mix-json" '`pfasciilogd -r F --format json`' "$COUNT"
	row "$mix-floor" 'floor: read, write a fixed 163-byte line' "$COUNT"
	row "$mix-read" 'floor: read only' "$COUNT"
	if [ $mix = scan ]; then
		row "$mix-tcpdump" '`tcpdump -n -e -t -r F`' "$COUNT"
		row "$mix-tcpdump-S" '`tcpdump -n -e -t -S -r F`' "$COUNT"
	else
		for n in $WIDE_TCPDUMP; do row "$mix-tcpdump-$n" "\`tcpdump -n -e -t -r F\` (first $n)" "$n"; done
		row "$mix-tcpdump-S" "\`tcpdump -n -e -t -S -r F\` (first $last)" "$last"
	fi
	echo
	echo "text / floor: $(ratio "$mix-text" "$mix-floor"); JSON / text: $(ratio "$mix-json" "$mix-text")"
	if [ $mix = scan ]; then
		echo "tcpdump / text: $(ratio "$mix-tcpdump" "$mix-text")"
	else
		echo "tcpdump (first $last) / text: $(ratio "$mix-tcpdump-$last" "$mix-text")"
	fi
	[ $have_tcpdump = 1 ] || echo "tcpdump not installed: no comparison"
	echo
done

if [ "$VALGRIND" != 1 ]; then
	echo "== instructions: skipped (VALGRIND=$VALGRIND)"
	exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
	echo "== instructions: skipped: valgrind is not installed (apt-get install valgrind)"
	exit 0
fi
f=$dir/scanr-$VGCOUNT.pcap
echo "== instructions per packet (valgrind --tool=cachegrind, whole process, smallest of $VGRUNS runs) on $f"
# valgrind 3.19 runs Go binaries only without RDTSCP; asynchronous
# preemption's signals are off so that the count is repeatable.
# GOGC=off: pfasciilogd allocates nothing per packet, and a whole
# 1,000,000-packet run has a single garbage collection, at start-up
# (GODEBUG=gctrace=1); its background marking, 10-25 million instructions,
# lands in the 100,000-packet run but not always in the 1-packet one, and
# would show as 100-250 instructions a packet that no packet costs. The
# smallest count of VGRUNS runs: now and then valgrind runs the runtime's
# threads idle for a whole run, with a count 5-40 times too high.
ir1() {
	GOGC=off GODEBUG=cpu.rdtscp=off,asyncpreemptoff=1 valgrind --tool=cachegrind --cache-sim=no \
		--cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
		awk '/I *refs/ { gsub(",", "", $NF); print $NF }'
}
ir() {
	i=0
	while [ $i -lt "$VGRUNS" ]; do
		ir1 "$@"
		i=$((i + 1))
	done | sort -n | head -n 1
}
# per PROGRAM ARGS...: instructions per packet, without those of start-up:
# (I(file of VGCOUNT packets) - I(file of 1 packet)) / (VGCOUNT - 1).
per() {
	a=$(ir "$@" "$f")
	b=$(ir "$@" "$one")
	awk -v a="$a" -v b="$b" -v n="$VGCOUNT" 'BEGIN { if (a > 0 && b > 0) printf "%.0f | %.1f M", (a - b) / (n - 1), b / 1e6; else print "failed | -" }'
}
one=$dir/scanr-1.pcap
echo "| program | instructions/packet | start-up |"
echo "| --- | ---: | ---: |"
echo "| \`pfasciilogd -r F\` | $(per bin/pfasciilogd -r) |"
echo "| \`pfasciilogd -r F --format json\` | $(per bin/pfasciilogd --format json -r) |"
echo "| floor: read, write a fixed 163-byte line | $(per bin/floor) |"
echo "| floor: read only | $(per bin/floor -read) |"
[ $have_tcpdump = 1 ] && echo "| \`tcpdump -n -e -t -r F\` | $(per tcpdump -n -e -t -r) |"
exit 0
