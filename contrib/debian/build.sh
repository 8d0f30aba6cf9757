#!/bin/sh
# Builds the Debian package of this tree with dpkg-deb alone (no debhelper,
# no source package): "make deb", or sh contrib/debian/build.sh OUTDIR.
# Prints the path of the .deb it wrote to OUTDIR.
#
# The version is the first entry of contrib/debian/changelog; the binary's
# --version says what git describe says (VERSION from make), or the same.
# The files are those "make install" lays down for Linux (scripts/install.sh
# with PREFIX=/usr), moved to Debian's places: the docs and the examples
# (the fail2ban directory, and the Linux files) under
# /usr/share/doc/pfasciilogd, the man page and the docs compressed,
# LICENSE as the copyright file. /etc/logrotate.d/pfasciilogd and
# /etc/default/pfasciilogd are conffiles. Depends come from dpkg-shlibdeps
# when dpkg-dev is installed.
set -eu

out=${1:-bin}
GO=${GO:-go}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cd "$top"
mkdir -p "$out"
out=$(cd "$out" && pwd)

debversion=$(sed -n '1s/^pfasciilogd (\([^)]*\)).*/\1/p' "$here/changelog")
[ -n "$debversion" ] || { echo "deb: no version in $here/changelog" >&2; exit 1; }
VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || true)}
VERSION=${VERSION:-$debversion}
arch=$(dpkg --print-architecture)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
doc=/usr/share/doc/pfasciilogd

# A position-independent executable with full RELRO (bind now), as
# Debian's hardening wants; both are link options, the packages' compiled
# code is shared with any other PIE build.
"$GO" build -trimpath -buildmode=pie -buildvcs="${BUILDVCS:-false}" \
	-ldflags "-s -w -X main.version=$VERSION -extldflags '-Wl,-z,relro -Wl,-z,now'" \
	-o "$work/pfasciilogd" ./cmd/pfasciilogd

BIN=$work/pfasciilogd PREFIX=/usr DESTDIR=$root INSTALL_OS=Linux \
	SYSTEMDUNITDIR=/lib/systemd/system SYSCONFDIR=/etc \
	DOCSDIR=$doc EXAMPLESDIR=$doc/examples \
	sh scripts/install.sh install >/dev/null 2>"$work/install.log" ||
	{ cat "$work/install.log" >&2; exit 1; }

# Debian's places: no other system's files, the license as copyright,
# compressed man page, docs and changelog, the lintian overrides.
rm -rf "$root$doc/examples/freebsd" "$root$doc/examples/openbsd" "$root$doc/LICENSE"
gzip -9n "$root/usr/share/man/man8/pfasciilogd.8" "$root$doc/README.md"
install -m 644 "$here/copyright" "$root$doc/copyright"
gzip -9n <"$here/changelog" >"$root$doc/changelog.Debian.gz"
chmod 644 "$root$doc/changelog.Debian.gz"
install -d -m 755 "$root/usr/share/lintian/overrides"
install -m 644 "$here/lintian-overrides" "$root/usr/share/lintian/overrides/pfasciilogd"

# DEBIAN/: control, conffiles, maintainer scripts, md5sums.
install -d -m 755 "$root/DEBIAN"
depends="libc6, libpcap0.8"
if command -v dpkg-shlibdeps >/dev/null 2>&1; then
	# dpkg-shlibdeps wants a source tree's debian/control.
	mkdir -p "$work/src/debian"
	printf 'Source: pfasciilogd\n\nPackage: pfasciilogd\nArchitecture: any\n' >"$work/src/debian/control"
	d=$(cd "$work/src" && dpkg-shlibdeps -O "$root/usr/sbin/pfasciilogd" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
	[ -n "$d" ] && depends=$d
fi
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$debversion|" -e "s|@ARCH@|$arch|" -e "s|@SIZE@|$size|" \
	-e "s|@DEPENDS@|$depends|" "$here/control.in" >"$root/DEBIAN/control"
(cd "$root" && find etc -type f | LC_ALL=C sort | sed 's|^|/|') >"$root/DEBIAN/conffiles"
for s in postinst prerm postrm; do
	install -m 755 "$here/$s" "$root/DEBIAN/$s"
done
(cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -print |
	LC_ALL=C sort | sed 's|^\./||' | xargs md5sum) >"$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"
find "$root" -type d -exec chmod 755 {} +

deb=$out/pfasciilogd_${debversion}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
