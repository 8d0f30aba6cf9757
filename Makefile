# pfasciilogd: see README.md. `make run` and `make test` work on a fresh
# Debian machine as root (they install libpcap-dev when it is missing).
GO ?= go
BIN := bin/pfasciilogd
SAMPLE := testdata/sample.pcap
SHARED ?= ../shared

.PHONY: all build run test deps test-deps vet golden bench bench-live conformance fuzz clean cross install uninstall lint-contrib

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

test: test-deps vet build cross
	$(GO) test ./...

# Regenerate testdata/golden from the project's generator and the real tcpdump.
golden: build
	sh testdata/golden.sh

# Byte-for-byte check against FreeBSD tcpdump's output in ../shared (when present).
conformance: build
	$(SHARED)/bin/conformance --show 5 --cmd '$(BIN) -r {pcap} --time none' $(SHARED)/conformance

fuzz: deps
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $${FUZZTIME:-60s} ./decoder/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeNFLOG$$' -fuzztime $${FUZZTIME:-60s} ./decoder/

clean:
	rm -rf bin

# Go benchmarks and a whole-process comparison with tcpdump (reports only).
bench: build
	sh scripts/bench.sh

# The live path: 50,000 packets/s for 5s over NFLOG in network namespaces,
# with tcpdump -l beside the daemon, and an overload run (Linux, root;
# reports only). PFASCIILOGD_E2E_RATE / _SECONDS change the load.
bench-live: test-deps
	PFASCIILOGD_E2E_TCPDUMP=1 $(GO) test -count=1 -v -run 'TestDaemonSustainedRate|TestDaemonOverloadReportsKernelDrops' ./e2e/ \
		| grep -E '(LIVE RATE|TCPDUMP|KERNEL DROPS|SKIP|^--- |^ok|^FAIL)' | sed 's/^ *rate_test.go:[0-9]*: //'

# Install under PREFIX (/usr/local), staged in DESTDIR when given: the
# binary, the man page, the examples for every system, and the rc.d script
# (FreeBSD, OpenBSD) or systemd unit (Linux) of INSTALL_OS (default: this
# system). See scripts/install.sh and contrib/README-install.md.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_OS ?=
MANDIR ?=
SYSTEMDUNITDIR ?=

install: build
	@BIN='$(BIN)' PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' INSTALL_OS='$(INSTALL_OS)' \
	    MANDIR='$(MANDIR)' SYSTEMDUNITDIR='$(SYSTEMDUNITDIR)' sh scripts/install.sh install

uninstall:
	@BIN='$(BIN)' PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' INSTALL_OS='$(INSTALL_OS)' \
	    MANDIR='$(MANDIR)' SYSTEMDUNITDIR='$(SYSTEMDUNITDIR)' sh scripts/install.sh uninstall

# Check the rc.d scripts (sh -n, and how they build the command line), the
# man page (mandoc -Tlint, its flags against -h), the systemd unit and
# make install; part of make test.
lint-contrib: deps
	$(GO) test -count=1 ./contrib/ ./cmd/pfasciilogd/

# Cgo-free static binaries for FreeBSD and OpenBSD (capture/README-static.md).
cross:
	@for os in freebsd openbsd; do for arch in amd64 arm64; do \
		echo "CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build ./cmd/pfasciilogd"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -o bin/pfasciilogd-$$os-$$arch ./cmd/pfasciilogd || exit 1; \
	done; done
