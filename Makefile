# pfasciilogd: see README.md. `make run` and `make test` work on a fresh
# Debian machine as root (they install libpcap-dev when it is missing).
GO ?= go
BIN := bin/pfasciilogd
SAMPLE := testdata/sample.pcap
SHARED ?= ../shared

.PHONY: all build run test deps test-deps vet golden bench conformance fuzz clean

all: build

deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh --test

build: deps
	$(GO) build -o $(BIN) ./cmd/pfasciilogd

# Decode the bundled sample capture of blocked traffic.
run: build
	$(BIN) -r $(SAMPLE)

vet: deps
	$(GO) vet ./...

test: test-deps vet build
	$(GO) test ./...

# Regenerate testdata/golden from the project's generator and the real tcpdump.
golden: build
	sh testdata/golden.sh

# Byte-for-byte check against FreeBSD tcpdump's output in ../shared (when present).
conformance: build
	$(SHARED)/bin/conformance --show 5 --cmd '$(BIN) -r {pcap} --time none' $(SHARED)/conformance

fuzz: deps
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime $${FUZZTIME:-60s} ./decoder/

clean:
	rm -rf bin

# Go benchmarks and a whole-process comparison with tcpdump (reports only).
bench: build
	sh scripts/bench.sh
