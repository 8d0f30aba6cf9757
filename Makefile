# pfasciilogd: see README.md. `make run` and `make test` work on a fresh
# Debian machine as root (they install libpcap-dev when it is missing).
GO ?= go
BIN := bin/pfasciilogd
SAMPLE := testdata/sample.pcap
SHARED ?= ../shared

.PHONY: all build run test deps test-deps vet golden bench bench-live conformance fuzz clean cross install uninstall lint-contrib deb port-plist

# The version pfasciilogd --version prints: git describe, stamped with
# -X (Go's own VCS stamp is missing in a git worktree, with
# -buildvcs=false and outside a checkout); "make VERSION=1.2.3" overrides
# it. The binary is built without file paths and symbol tables (about 30%
# smaller); stack traces keep their function names and lines.
VERSION != git describe --tags --always --dirty 2>/dev/null || true
# Go's own stamp (vcs.revision, vcs.time, vcs.modified, and the module's
# pseudo-version for "go version -m") where Go can read the checkout: a
# git directory, not a worktree, that git may read; a GOFLAGS of
# -buildvcs=false is overridden only there.
BUILDVCS != if [ -d .git ] && git status --porcelain >/dev/null 2>&1; then echo true; else echo false; fi
GO_LDFLAGS = -s -w -X main.version=$(VERSION)
GO_BUILDFLAGS = -trimpath -buildvcs=$(BUILDVCS) -ldflags '$(GO_LDFLAGS)'

all: build

deps:
	@sh scripts/deps.sh

test-deps:
	@sh scripts/deps.sh --test

build: deps
	$(GO) build $(GO_BUILDFLAGS) -o $(BIN) ./cmd/pfasciilogd

# Decode the bundled sample of pf's log (mostly blocked packets).
run: build
	$(BIN) -r $(SAMPLE)

vet: deps
	$(GO) vet ./...

test: test-deps vet build cross
	$(GO) test ./...
	# the portable JSON text check, which other architectures than amd64 run
	$(GO) test -tags purego ./internal/jsonout/

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
# binary, the man page, LICENSE and README, the fail2ban files and every
# system's files as examples, and for INSTALL_OS (default: this system;
# any case) its rc.d script and newsyslog entry (FreeBSD, OpenBSD) or its
# systemd unit, logrotate file and /etc/default file (Linux). uninstall
# removes the same files (configuration only when unchanged). The list,
# the directories and the other settings: scripts/install.sh.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_OS ?=
MANDIR ?=
SYSTEMDUNITDIR ?=
INSTALL_ENV = BIN='$(BIN)' PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' INSTALL_OS='$(INSTALL_OS)' \
	MANDIR='$(MANDIR)' SYSTEMDUNITDIR='$(SYSTEMDUNITDIR)'

install: build
	@$(INSTALL_ENV) sh scripts/install.sh install

uninstall:
	@$(INSTALL_ENV) sh scripts/install.sh uninstall

# A Debian package of this tree, built with dpkg-deb alone, in bin/
# (contrib/debian/build.sh; make test installs, checks and purges it).
deb: build
	VERSION='$(VERSION)' BUILDVCS='$(BUILDVCS)' GO='$(GO)' sh contrib/debian/build.sh bin

# Rewrite the FreeBSD port's pkg-plist from what the port's install lays
# down (after adding or renaming an installed file).
port-plist: build
	PFASCIILOGD_WRITE_PLIST=1 $(GO) test -count=1 -run TestPortPlist ./contrib/

# Check the rc.d scripts (sh -n, and how they build the command line), the
# man page (mandoc -Tlint, its flags against -h), the systemd unit and
# make install; part of make test.
lint-contrib: deps
	$(GO) test -count=1 ./contrib/ ./cmd/pfasciilogd/

# Cgo-free static binaries for FreeBSD and OpenBSD (capture/README-static.md).
cross:
	@for os in freebsd openbsd; do for arch in amd64 arm64; do \
		echo "CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build $(GO_BUILDFLAGS) -o bin/pfasciilogd-$$os-$$arch ./cmd/pfasciilogd"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build $(GO_BUILDFLAGS) -o bin/pfasciilogd-$$os-$$arch ./cmd/pfasciilogd || exit 1; \
	done; done

# The CrowdSec tests, verbose (root; part of make test): what cscli explain
# showed, the replays' alerts, the fleet's time from scan to ban.
.PHONY: test-crowdsec
test-crowdsec: test-deps
	@mkdir -p bin; $(GO) test -count=1 -v -run 'TestCrowdSec' ./contrib/crowdsec/ ./e2e/ >bin/test-crowdsec.log 2>&1; rc=$$?; \
		grep -E '(crowdsec v|capture:|cscli explain|alerts for|CROWDSEC FLEET|SKIP|^--- |^ok|^FAIL)' bin/test-crowdsec.log \
		| sed 's/^ *[a-z_]*_test.go:[0-9]*: //'; exit $$rc
