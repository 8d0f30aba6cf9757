#!/bin/sh
# Regenerates testdata/golden (run by `make golden`):
#
#   oracle-*.pcap   written by testdata/gen in oracle mode (only what Debian's
#                   tcpdump 4.99.3 prints as FreeBSD's 4.99.5 does, or
#                   differently in ways testdata/fix-4.99.3.awk corrects);
#   oracle-*.txt    `tcpdump -n -e -t -r` from Debian 12's tcpdump 4.99.3,
#                   corrected to FreeBSD's output by testdata/fix-4.99.3.awk;
#   freebsd-only.*, conformance-sample.*
#                   records and FreeBSD's own text copied from the conformance
#                   corpus by testdata/extract, when $SHARED/conformance
#                   exists (default ../shared); otherwise left as they are.
#
# decoder/golden_test.go compares the decoder with every X.pcap/X.txt here.
# The captures depend only on the seeds below, so rerunning this script
# rewrites the same bytes unless the generator or the corrections changed.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
if ! command -v "$GO" >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
	GO=/usr/local/go/bin/go
fi
TCPDUMP=${TCPDUMP:-tcpdump}
# tcpdump prints dates inside packets (AFS RX) in local time; the decoder's
# tests run in UTC (decoder/main_test.go).
TZ=UTC
export TZ
SHARED=${SHARED:-../shared}
out=testdata/golden

if ! "$TCPDUMP" --version 2>&1 | grep -q '^tcpdump version 4\.99\.3$'; then
	echo "golden.sh: needs Debian 12's tcpdump 4.99.3 (the version fix-4.99.3.awk corrects); got:" >&2
	"$TCPDUMP" --version >&2 || true
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$GO" build -o "$tmp/gen" ./testdata/gen
mkdir -p "$out"

# oracle NAME GEN-ARGS...: the capture, Debian's text, the corrected text.
oracle() {
	name=$1
	shift
	"$tmp/gen" "$@" -o "$out/$name.pcap"
	"$TCPDUMP" -n -e -t -r "$out/$name.pcap" >"$tmp/$name.raw" 2>"$tmp/$name.err" || {
		cat "$tmp/$name.err" >&2
		exit 1
	}
	"$tmp/gen" -info "$out/$name.pcap" >"$tmp/$name.info"
	awk -f testdata/fix-4.99.3.awk "$tmp/$name.info" "$tmp/$name.raw" >"$tmp/$name.txt"
	mv "$tmp/$name.txt" "$out/$name.txt"
	echo "golden.sh: $name: $(wc -l <"$tmp/$name.info") records"
}

# Current FreeBSD headers (length 69), the three traffic mixes; reasons 3/4,
# action 3 and renamed DNS types included (corrected by the awk).
oracle oracle-freebsd -seed 101 -count 1200 -flavor freebsd -mix wide -oracle fixable -malformed 0.06
oracle oracle-scan -seed 102 -count 500 -flavor freebsd -mix scan -oracle fixable -malformed 0.04
oracle oracle-v6 -seed 103 -count 500 -flavor freebsd -mix v6 -oracle fixable -malformed 0.06
# Half the records cut short or corrupted: the validation and truncation texts.
oracle oracle-malformed -seed 106 -count 600 -flavor freebsd -mix wide -oracle fixable -malformed 0.5
# OpenBSD's 100-byte header; FreeBSD's tcpdump reads the rewritten address
# at offset 64 as a ridentifier (corrected by the awk).
oracle oracle-openbsd -seed 104 -count 300 -flavor openbsd -mix wide -oracle safe -malformed 0.05
# The long tail (internal/pcapgen/tail.go): pfsync, CARP/VRRP, OSI over
# GRE, IPv6 jumbograms, segment routing headers, AFS RX dates.
oracle oracle-tail -seed 107 -count 1000 -flavor freebsd -mix tail -oracle fixable -malformed 0
# 64-byte headers (length 61): FreeBSD's tcpdump takes the first IP bytes
# for a ridentifier and wants 72 bytes captured (corrected by the awk);
# pflogd's default snaplen of 160 cuts long packets.
oracle oracle-other -seed 105 -count 300 -flavor other -mix wide -oracle safe -malformed 0.05 -snaplen 160

if [ -d "$SHARED/conformance" ]; then
	"$GO" run ./testdata/extract -corpus "$SHARED/conformance" -o "$out" -tcpdump "$TCPDUMP"
else
	echo "golden.sh: no $SHARED/conformance; freebsd-only and conformance-sample left as they are"
fi
