#!/bin/sh
# make bench: the Go benchmarks, then a whole-process comparison with
# tcpdump on a 1,000,000-packet pflog capture made by the project's own
# generator. It reports; it asserts nothing.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
RUNS=${RUNS:-5}
COUNT=${COUNT:-1000000}
cap=testdata/bench/bench-$COUNT.pcap

echo "== Go benchmarks"
"$GO" test -run '^$' -bench . -benchmem ./decoder/ ./writer/ ./internal/timefmt/ ./cmd/pfasciilogd/ | grep -E '^(Benchmark|ok|PASS)' || true

mkdir -p testdata/bench
if [ ! -s "$cap" ]; then
	"$GO" run ./testdata/gen -seed 1 -count "$COUNT" -flavor freebsd -mix wide -o "$cap"
fi
echo
echo "== whole process on $cap ($COUNT packets, $(du -h "$cap" | cut -f1)), $RUNS runs each, alternating"

# run NAME CMD...: one timed run to /dev/null; appends "seconds maxrss_kib"
# to $tmp/NAME.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
run() {
	name=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || true
		cat "$tmp/t" >>"$tmp/$name"
	else
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		echo "$(echo "$e - $s" | bc) 0" >>"$tmp/$name"
	fi
}
have_tcpdump=0
command -v tcpdump >/dev/null 2>&1 && have_tcpdump=1
i=0
while [ $i -lt "$RUNS" ]; do
	run pfasciilogd bin/pfasciilogd -r "$cap" --time none
	[ $have_tcpdump = 1 ] && run tcpdump tcpdump -n -e -t -r "$cap"
	# -S on both sides: without tcpdump's never-pruned TCP conversation
	# table, whose chains make it slower the more conversations it saw.
	run pfasciilogd-S bin/pfasciilogd -r "$cap" --time none -S
	[ $have_tcpdump = 1 ] && run tcpdump-S tcpdump -n -e -t -S -r "$cap"
	i=$((i + 1))
done

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
report() {
	name=$1
	t=$(cut -d' ' -f1 "$tmp/$name" | median)
	rss=$(cut -d' ' -f2 "$tmp/$name" | sort -n | tail -1)
	pps=$(awk -v n="$COUNT" -v t="$t" 'BEGIN { if (t > 0) printf "%.0f", n / t; else print "inf" }')
	printf '%-14s median %6.2f s  %10s packets/s  peak RSS %6.1f MiB\n' "$name" "$t" "$pps" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
	echo "$t" >"$tmp/$name.median"
}
ratio() {
	awk -v a="$(cat "$tmp/$2.median")" -v b="$(cat "$tmp/$1.median")" -v l="$3" \
		'BEGIN { if (b > 0) printf "ratio        %s: pfasciilogd is %.1fx faster than tcpdump\n", l, a / b }'
}
report pfasciilogd
report pfasciilogd-S
if [ $have_tcpdump = 1 ]; then
	report tcpdump
	report tcpdump-S
	ratio pfasciilogd tcpdump "relative sequence numbers"
	ratio pfasciilogd-S tcpdump-S "-S (absolute)"
else
	echo "tcpdump not installed: no comparison"
fi
