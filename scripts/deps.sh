#!/bin/sh
# Installs what building and testing pfasciilogd needs when it is missing:
# libpcap's headers (cgo) always; with --test also what the integration
# tests use. Installs with apt-get when run as root on Debian, otherwise
# says what to install and fails.
set -eu

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

missing=""
# libpcap headers for gopacket/pcap (cgo).
if ! printf '#include <pcap/pcap.h>\nint main(void){return 0;}\n' | \
	${CC:-cc} -x c -o /dev/null - -lpcap >/dev/null 2>&1; then
	missing="$missing libpcap-dev"
fi
if [ "$want_test" = 1 ]; then
	command -v tcpdump >/dev/null 2>&1 || missing="$missing tcpdump"
	# The end-to-end test (e2e/): network namespaces and a veth pair
	# (ip), an nftables ruleset logging to NFLOG (nft). It skips without
	# them, or when not root.
	PATH="$PATH:/usr/sbin:/sbin"
	command -v ip >/dev/null 2>&1 || missing="$missing iproute2"
	command -v nft >/dev/null 2>&1 || missing="$missing nftables"
	# The fault tests (e2e/faults_test.go) freeze an ext4 file system on
	# a loop device (mkfs.ext4; fsfreeze, prlimit and mount are
	# util-linux and mount, always there). They skip without them.
	command -v mkfs.ext4 >/dev/null 2>&1 || missing="$missing e2fsprogs"
	# The man page's lint (contrib/): mandoc -Tlint. It skips without
	# mandoc when not root.
	command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
	# The fail2ban filter test (contrib/fail2ban/) runs fail2ban-regex;
	# it skips without it.
	command -v fail2ban-regex >/dev/null 2>&1 || missing="$missing fail2ban"
	# The Debian package test (contrib/deb_test.go) on Debian: lintian,
	# dpkg-shlibdeps (dpkg-dev) for its Depends, logrotate -d for its
	# logrotate file. It skips lintian and logrotate without them.
	if command -v dpkg >/dev/null 2>&1; then
		command -v lintian >/dev/null 2>&1 || missing="$missing lintian"
		command -v dpkg-shlibdeps >/dev/null 2>&1 || missing="$missing dpkg-dev"
		command -v logrotate >/dev/null 2>&1 || missing="$missing logrotate"
	fi
fi

# The CrowdSec tests (contrib/crowdsec/, e2e/crowdsec_test.go) run Debian's
# crowdsec and crowdsec-firewall-bouncer. They are unpacked with dpkg -x
# into bin/crowdsec-deb, not installed: their post-install scripts would
# register with CrowdSec's online API (which hangs or fails offline) and
# start system services. Installed packages (/usr/bin/crowdsec) do as
# well. Best effort: without them those tests skip and say why.
root=$(cd "$(dirname "$0")/.." && pwd)
csdir="$root/bin/crowdsec-deb"
crowdsec_wanted() {
	[ "$want_test" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 &&
		[ ! -x "$csdir/usr/bin/crowdsec-firewall-bouncer" ] &&
		! { [ -x /usr/bin/crowdsec ] && [ -x /usr/bin/crowdsec-firewall-bouncer ]; }
}
crowdsec_fetch() {
	tmp=$(mktemp -d) || return 1
	dl="timeout 300 apt-get download -qq -o APT::Sandbox::User=root -o Acquire::http::Timeout=30 crowdsec crowdsec-firewall-bouncer"
	if ! (cd "$tmp" && $dl >/dev/null 2>&1); then
		apt-get update -qq >/dev/null 2>&1 && (cd "$tmp" && $dl >/dev/null) || { rm -rf "$tmp"; return 1; }
	fi
	mkdir -p "$tmp/root" && for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$tmp/root" || { rm -rf "$tmp"; return 1; }; done
	mkdir -p "$root/bin" && rm -rf "$csdir" && mv "$tmp/root" "$csdir" && rm -rf "$tmp"
}
crowdsec() {
	crowdsec_wanted || return 0
	echo "deps: unpacking Debian's crowdsec and crowdsec-firewall-bouncer into $csdir" >&2
	crowdsec_fetch || echo "deps: could not fetch crowdsec (apt-get download crowdsec crowdsec-firewall-bouncer): the CrowdSec tests will skip" >&2
}
if crowdsec_wanted && ! dpkg-query -W -f '${Status}' libsqlite3-0 2>/dev/null | grep -q 'ok installed'; then
	missing="$missing libsqlite3-0" # crowdsec and cscli link it
fi

if [ -z "$missing" ]; then
	crowdsec
	exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -qq $missing >/dev/null
	crowdsec
	exit 0
fi
echo "deps: missing$missing; install them (Debian: apt-get install$missing; FreeBSD: libpcap is in base) and run make again" >&2
exit 1
