#!/bin/sh
# Installs (or, with "uninstall", removes) pfasciilogd; run by
# "make install" and "make uninstall", by the FreeBSD port
# (contrib/freebsd/port) and by "make deb" (contrib/debian/build.sh).
# "list" prints what install lays down, one "KIND MODE SOURCE DEST" a line.
# Settings, from the environment:
#
#   PREFIX          /usr/local
#   DESTDIR         staging root, prepended to every path ("")
#   INSTALL_OS      FreeBSD, OpenBSD or Linux, in any case: whose rc.d
#                   script or systemd unit goes live (default: uname -s)
#   MANDIR          $PREFIX/share/man ($PREFIX/man on OpenBSD)
#   DOCSDIR         $PREFIX/share/doc/pfasciilogd
#   EXAMPLESDIR     $PREFIX/share/examples/pfasciilogd
#   SYSTEMDUNITDIR  $PREFIX/lib/systemd/system
#   SYSCONFDIR      $PREFIX/etc on FreeBSD, /etc elsewhere
#   SAMPLES         "only": configuration files are laid down as FILE.sample
#                   only, for a package manager that makes FILE from it
#                   (the port's @sample); default: FILE too, when absent
#   BIN             the binary to install (bin/pfasciilogd)
#
# Every system gets the binary, the man page, the LICENSE and README under
# DOCSDIR and, under EXAMPLESDIR, the fail2ban directory (filters, jails;
# none enabled) and the files of every system. Then, for INSTALL_OS:
#   FreeBSD  $PREFIX/etc/rc.d/pfasciilogd and the newsyslog entry
#            $SYSCONFDIR/newsyslog.conf.d/pfasciilogd.conf (and .sample);
#            the rc.d script creates the pid directory
#            /var/run/pfasciilogd for the user it runs as at each start
#   OpenBSD  /etc/rc.d/pfasciilogd, and the newsyslog line appended to
#            $DESTDIR/etc/newsyslog.conf unless it rotates /var/log/pf.log
#            already (no pid file: OpenBSD's rc.d finds the daemon by name)
#   Linux    $SYSTEMDUNITDIR/pfasciilogd.service (its RuntimeDirectory is
#            the pid directory), /etc/logrotate.d/pfasciilogd and
#            /etc/default/pfasciilogd
# Configuration files (newsyslog, logrotate, default) that exist are the
# administrator's: install keeps them, uninstall removes them only when
# they are unchanged.
set -eu

action=${1:-install}
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
BIN=${BIN:-bin/pfasciilogd}
SAMPLES=${SAMPLES:-}
INSTALL_OS=${INSTALL_OS:-$(uname -s)}
case "$(echo "$INSTALL_OS" | tr '[:upper:]' '[:lower:]')" in
freebsd) INSTALL_OS=FreeBSD ;;
openbsd) INSTALL_OS=OpenBSD ;;
linux) INSTALL_OS=Linux ;;
*)
	echo "install: INSTALL_OS=$INSTALL_OS: only FreeBSD, OpenBSD and Linux have an rc.d script or a unit; installing the binary, the man page, the docs and the examples" >&2
	;;
esac
case "$INSTALL_OS" in
OpenBSD) MANDIR=${MANDIR:-$PREFIX/man} ;;
*) MANDIR=${MANDIR:-$PREFIX/share/man} ;;
esac
case "$INSTALL_OS" in
FreeBSD) SYSCONFDIR=${SYSCONFDIR:-$PREFIX/etc} ;;
*) SYSCONFDIR=${SYSCONFDIR:-/etc} ;;
esac
SYSTEMDUNITDIR=${SYSTEMDUNITDIR:-$PREFIX/lib/systemd/system}
DOCSDIR=${DOCSDIR:-$PREFIX/share/doc/pfasciilogd}
EXAMPLESDIR=${EXAMPLESDIR:-$PREFIX/share/examples/pfasciilogd}
# OpenBSD's newsyslog has no include directory: the line goes into
# /etc/newsyslog.conf after this marker, and uninstall removes both.
OPENBSD_MARK="# pfasciilogd: added by its make install; make uninstall removes this line and the next"

cd "$(dirname "$0")/.."

# list: what install lays down, one "KIND MODE SOURCE DEST" a line, DEST
# without DESTDIR. KIND: file (replaced by install, removed by uninstall),
# config (kept when present; removed when unchanged), sample (a config
# file's FILE.sample, which SAMPLES=only lays down alone).
list() {
	echo "file 755 $BIN $PREFIX/sbin/pfasciilogd"
	echo "file 644 contrib/pfasciilogd.8 $MANDIR/man8/pfasciilogd.8"
	echo "file 644 LICENSE $DOCSDIR/LICENSE"
	echo "file 644 README.md $DOCSDIR/README.md"
	# The whole fail2ban directory, without its tests.
	find contrib/fail2ban -type f ! -name '*.go' ! -path '*/testdata/*' | LC_ALL=C sort |
		while read -r f; do
			echo "file 644 $f $EXAMPLESDIR/${f#contrib/}"
		done
	echo "file 644 contrib/freebsd/pfasciilogd.in $EXAMPLESDIR/freebsd/rc.d/pfasciilogd"
	echo "file 644 contrib/newsyslog/pfasciilogd.conf $EXAMPLESDIR/freebsd/newsyslog.conf.d/pfasciilogd.conf"
	echo "file 644 contrib/openbsd/pfasciilogd $EXAMPLESDIR/openbsd/rc.d/pfasciilogd"
	echo "file 644 contrib/openbsd/newsyslog.conf $EXAMPLESDIR/openbsd/newsyslog.conf"
	echo "file 644 contrib/systemd/pfasciilogd.service $EXAMPLESDIR/linux/systemd/pfasciilogd.service"
	echo "file 644 contrib/logrotate/pfasciilogd $EXAMPLESDIR/linux/logrotate.d/pfasciilogd"
	echo "file 644 contrib/systemd/pfasciilogd.default $EXAMPLESDIR/linux/default/pfasciilogd"
	case "$INSTALL_OS" in
	FreeBSD)
		echo "file 555 contrib/freebsd/pfasciilogd.in $PREFIX/etc/rc.d/pfasciilogd"
		echo "sample 644 contrib/newsyslog/pfasciilogd.conf $SYSCONFDIR/newsyslog.conf.d/pfasciilogd.conf.sample"
		echo "config 644 contrib/newsyslog/pfasciilogd.conf $SYSCONFDIR/newsyslog.conf.d/pfasciilogd.conf"
		;;
	OpenBSD)
		echo "file 555 contrib/openbsd/pfasciilogd /etc/rc.d/pfasciilogd"
		;;
	Linux)
		echo "file 644 contrib/systemd/pfasciilogd.service $SYSTEMDUNITDIR/pfasciilogd.service"
		echo "config 644 contrib/logrotate/pfasciilogd $SYSCONFDIR/logrotate.d/pfasciilogd"
		echo "config 644 contrib/systemd/pfasciilogd.default $SYSCONFDIR/default/pfasciilogd"
		;;
	esac
}

# render SRC: SRC as installed, with the paths in the scripts and the unit
# made to match PREFIX.
render() {
	case "$1" in
	*.in | contrib/openbsd/pfasciilogd | contrib/systemd/pfasciilogd.service)
		sed -e "s|%%PREFIX%%|$PREFIX|g" \
			-e "s|/usr/local/sbin/pfasciilogd|$PREFIX/sbin/pfasciilogd|g" "$1"
		;;
	*)
		cat "$1"
		;;
	esac
}

# put MODE SRC DST: installs SRC as DESTDIR/DST.
put() {
	dst=$DESTDIR$3
	install -d -m 755 "$(dirname "$dst")"
	if [ "$2" = "$BIN" ]; then
		install -m "$1" "$2" "$dst"
	else
		tmp=$(mktemp)
		render "$2" >"$tmp"
		install -m "$1" "$tmp" "$dst"
		rm -f "$tmp"
	fi
	echo "$dst"
}

# same SRC DST: whether DESTDIR/DST is SRC as install lays it down.
same() {
	render "$1" | cmp -s - "$DESTDIR$2"
}

openbsd_newsyslog() {
	conf=$DESTDIR/etc/newsyslog.conf
	line=$(grep -v '^#' contrib/openbsd/newsyslog.conf | grep .)
	case "$1" in
	install)
		if [ ! -f "$conf" ]; then
			echo "$conf: missing; add the line of $DESTDIR$EXAMPLESDIR/openbsd/newsyslog.conf to it" >&2
		elif grep -q '^[[:space:]]*/var/log/pf\.log[[:space:]]' "$conf"; then
			grep -qF "$OPENBSD_MARK" "$conf" ||
				echo "$conf rotates /var/log/pf.log already: kept; compare it with $DESTDIR$EXAMPLESDIR/openbsd/newsyslog.conf (no pid file: pkill)" >&2
		else
			printf '%s\n%s\n' "$OPENBSD_MARK" "$line" >>"$conf"
			echo "$conf: added the line for /var/log/pf.log"
		fi
		;;
	uninstall)
		if [ -f "$conf" ] && grep -qF "$OPENBSD_MARK" "$conf"; then
			tmp=$(mktemp)
			awk -v mark="$OPENBSD_MARK" '$0 == mark { skip = 1; next } skip { skip = 0; next } { print }' "$conf" >"$tmp"
			cat "$tmp" >"$conf"
			rm -f "$tmp"
			echo "$conf: removed the line for /var/log/pf.log"
		fi
		;;
	esac
}

case "$action" in
list)
	list
	;;
install)
	if [ ! -x "$BIN" ]; then
		echo "install: $BIN is missing: run make build first" >&2
		exit 1
	fi
	list | while read -r kind mode src dst; do
		case "$kind" in
		file | sample) put "$mode" "$src" "$dst" ;;
		config)
			if [ "$SAMPLES" = only ]; then
				continue
			elif [ -e "$DESTDIR$dst" ]; then
				same "$src" "$dst" || echo "$DESTDIR$dst: kept (yours); the new one is in $DESTDIR$EXAMPLESDIR" >&2
			else
				put "$mode" "$src" "$dst"
			fi
			;;
		esac
	done
	case "$INSTALL_OS" in
	FreeBSD) echo "next: sysrc pfasciilogd_enable=YES && service pfasciilogd start" >&2 ;;
	OpenBSD)
		openbsd_newsyslog install
		echo "next: rcctl enable pfasciilogd && rcctl start pfasciilogd" >&2
		;;
	Linux) echo "next: systemctl daemon-reload && systemctl enable --now pfasciilogd (NFLOG group 5: see the unit)" >&2 ;;
	esac
	;;
uninstall)
	list | while read -r kind mode src dst; do
		[ -e "$DESTDIR$dst" ] || continue
		if [ "$kind" = config ] && ! same "$src" "$dst"; then
			echo "$DESTDIR$dst: kept (changed; yours)" >&2
			continue
		fi
		rm -f "$DESTDIR$dst"
		echo "removed $DESTDIR$dst"
	done
	[ "$INSTALL_OS" = OpenBSD ] && openbsd_newsyslog uninstall
	# The directories that are pfasciilogd's alone.
	for d in "$EXAMPLESDIR" "$DOCSDIR"; do
		if [ -d "$DESTDIR$d" ]; then
			find "$DESTDIR$d" -depth -type d -exec rmdir {} \; 2>/dev/null || true
		fi
	done
	;;
*)
	echo "usage: $0 install|uninstall|list" >&2
	exit 2
	;;
esac
