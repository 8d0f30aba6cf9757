#!/bin/sh
# Installs (or, with "uninstall", removes) pfasciilogd; run by
# "make install" and "make uninstall". Settings, from the environment:
#
#   PREFIX          /usr/local
#   DESTDIR         staging root, prepended to every path ("")
#   INSTALL_OS      FreeBSD, OpenBSD or Linux: whose rc.d script or systemd
#                   unit goes live (default: uname -s)
#   MANDIR          $PREFIX/share/man ($PREFIX/man on OpenBSD)
#   SYSTEMDUNITDIR  $PREFIX/lib/systemd/system
#   BIN             the binary to install (bin/pfasciilogd)
#
# Every system gets the binary, the man page and, under
# $PREFIX/share/examples/pfasciilogd, the fail2ban filters and jails and
# the files of every system. Then, for the system it runs on:
#   FreeBSD  $PREFIX/etc/rc.d/pfasciilogd and
#            $PREFIX/etc/newsyslog.conf.d/pfasciilogd.conf (kept if present)
#   OpenBSD  /etc/rc.d/pfasciilogd
#   Linux    $SYSTEMDUNITDIR/pfasciilogd.service
set -eu

action=${1:-install}
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
INSTALL_OS=${INSTALL_OS:-$(uname -s)}
BIN=${BIN:-bin/pfasciilogd}
case "$INSTALL_OS" in
OpenBSD) MANDIR=${MANDIR:-$PREFIX/man} ;;
*) MANDIR=${MANDIR:-$PREFIX/share/man} ;;
esac
SYSTEMDUNITDIR=${SYSTEMDUNITDIR:-$PREFIX/lib/systemd/system}
EXAMPLES=$PREFIX/share/examples/pfasciilogd

cd "$(dirname "$0")/.."

case "$INSTALL_OS" in
FreeBSD | OpenBSD | Linux) ;;
*)
	echo "install: INSTALL_OS=$INSTALL_OS: only FreeBSD, OpenBSD and Linux have an rc.d script or a unit; installing the binary, the man page and the examples" >&2
	;;
esac

# put MODE SRC DST: installs SRC as DESTDIR/DST, with the paths in the
# scripts made to match PREFIX.
put() {
	mode=$1 src=$2 dst=$DESTDIR$3
	install -d -m 755 "$(dirname "$dst")"
	case "$src" in
	*.in | contrib/openbsd/pfasciilogd | contrib/systemd/pfasciilogd.service)
		tmp=$(mktemp)
		sed -e "s|%%PREFIX%%|$PREFIX|g" \
			-e "s|/usr/local/sbin/pfasciilogd|$PREFIX/sbin/pfasciilogd|g" \
			"$src" >"$tmp"
		install -m "$mode" "$tmp" "$dst"
		rm -f "$tmp"
		;;
	*)
		install -m "$mode" "$src" "$dst"
		;;
	esac
	echo "$dst"
}

# config MODE SRC DST: like put, but an existing file is the
# administrator's and is kept.
config() {
	if [ -e "$DESTDIR$3" ]; then
		echo "$DESTDIR$3: kept; the new one is in $DESTDIR$EXAMPLES" >&2
		return 0
	fi
	put "$@"
}

# The files of every system, under the examples.
examples() {
	for f in contrib/fail2ban/filter.d/*.conf contrib/fail2ban/jail.d/*.local; do
		[ -f "$f" ] || continue
		"$1" 644 "$f" "$EXAMPLES/${f#contrib/}"
	done
	"$1" 555 contrib/freebsd/pfasciilogd.in "$EXAMPLES/freebsd/rc.d/pfasciilogd"
	"$1" 644 contrib/newsyslog/pfasciilogd.conf "$EXAMPLES/freebsd/newsyslog.conf.d/pfasciilogd.conf"
	"$1" 555 contrib/openbsd/pfasciilogd "$EXAMPLES/openbsd/rc.d/pfasciilogd"
	"$1" 644 contrib/openbsd/newsyslog.conf "$EXAMPLES/openbsd/newsyslog.conf"
	"$1" 644 contrib/systemd/pfasciilogd.service "$EXAMPLES/linux/systemd/pfasciilogd.service"
	"$1" 644 contrib/logrotate/pfasciilogd "$EXAMPLES/linux/logrotate.d/pfasciilogd"
}

# The files of the system installed on.
live() {
	case "$INSTALL_OS" in
	FreeBSD)
		"$1" 555 contrib/freebsd/pfasciilogd.in "$PREFIX/etc/rc.d/pfasciilogd"
		"$2" 644 contrib/newsyslog/pfasciilogd.conf "$PREFIX/etc/newsyslog.conf.d/pfasciilogd.conf"
		;;
	OpenBSD)
		"$1" 555 contrib/openbsd/pfasciilogd /etc/rc.d/pfasciilogd
		;;
	Linux)
		"$1" 644 contrib/systemd/pfasciilogd.service "$SYSTEMDUNITDIR/pfasciilogd.service"
		;;
	esac
}

# remove MODE SRC DST: removes DESTDIR/DST.
remove() {
	if [ -e "$DESTDIR$3" ]; then
		rm -f "$DESTDIR$3"
		echo "removed $DESTDIR$3"
	fi
}

# keep MODE SRC DST: configuration stays on uninstall.
keep() {
	[ -e "$DESTDIR$3" ] && echo "$DESTDIR$3: kept (configuration)" >&2
	return 0
}

case "$action" in
install)
	if [ ! -x "$BIN" ]; then
		echo "install: $BIN is missing: run make build first" >&2
		exit 1
	fi
	put 755 "$BIN" "$PREFIX/sbin/pfasciilogd"
	put 644 contrib/pfasciilogd.8 "$MANDIR/man8/pfasciilogd.8"
	examples put
	live put config
	case "$INSTALL_OS" in
	FreeBSD) echo "next: sysrc pfasciilogd_enable=YES && service pfasciilogd start" >&2 ;;
	OpenBSD) echo "next: rcctl enable pfasciilogd && rcctl start pfasciilogd; add $EXAMPLES/openbsd/newsyslog.conf to /etc/newsyslog.conf" >&2 ;;
	Linux) echo "next: systemctl daemon-reload && systemctl enable --now pfasciilogd (NFLOG group 5: see the unit)" >&2 ;;
	esac
	;;
uninstall)
	remove 755 "$BIN" "$PREFIX/sbin/pfasciilogd"
	remove 644 contrib/pfasciilogd.8 "$MANDIR/man8/pfasciilogd.8"
	examples remove
	live remove keep
	rmdir "$DESTDIR$EXAMPLES"/*/* "$DESTDIR$EXAMPLES"/* "$DESTDIR$EXAMPLES" 2>/dev/null || true
	;;
*)
	echo "usage: $0 install|uninstall" >&2
	exit 2
	;;
esac
