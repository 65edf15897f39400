#!/usr/bin/env bash
# Fetch the pinned Debian source packages the guest is built from, verify them
# against guest/sources.lock and unpack them (Debian patches applied) under
# $POLYAGENT_CACHE/src/<package>-<version>/.
#
# Why a private apt configuration: we need deb-src entries, but must not
# rewrite the machine's /etc/apt.  apt-get is pointed at a sources list, list
# directory and cache of our own with -o options; nothing global changes.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cache=${POLYAGENT_CACHE:-$HOME/.cache/polyagent}
lock=$here/guest/sources.lock
apt_dir=$cache/apt
src_dir=$cache/src
dl_dir=$cache/downloads
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/etc" "$src_dir" "$dl_dir"

cat > "$apt_dir/etc/sources.list" <<'LIST'
deb-src http://deb.debian.org/debian bookworm main
deb-src http://deb.debian.org/debian bookworm-updates main
deb-src http://deb.debian.org/debian-security bookworm-security main
LIST
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/etc/sources.list"
          -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$apt_dir/lists"
          -o "Dir::Cache=$apt_dir/cache"
          -o "APT::Sandbox::User=root"
          -o "Debug::NoLocking=1")

verify() { # file sha256 -> 0 if the file exists with that hash
    [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

need_update=1
# sources.lock: package version file sha256 (one file per line)
while read -r pkg ver file sum; do
    case "$pkg" in ''|'#'*) continue ;; esac
    if verify "$dl_dir/$file" "$sum"; then continue; fi
    if [ $need_update = 1 ]; then
        apt-get "${apt_opts[@]}" -qq update
        need_update=0
    fi
    (cd "$dl_dir" && apt-get "${apt_opts[@]}" -qq --download-only source "$pkg=$ver") || {
        echo "fetch_sources: cannot download $pkg $ver from Debian (is the pin still served?)" >&2
        exit 1
    }
    if ! verify "$dl_dir/$file" "$sum"; then
        echo "fetch_sources: sha256 mismatch for $file (expected $sum)" >&2
        exit 1
    fi
done < "$lock"

# Unpack each package once (dpkg-source applies Debian's patch series).
awk '!/^#/ && NF==4 && $3 ~ /\.dsc$/ {print $1, $2, $3}' "$lock" | while read -r pkg ver dsc; do
    up=${ver#*:}; up=${up%-*}
    dest=$src_dir/$pkg-${ver#*:}
    [ -f "$dest/.unpacked" ] && continue
    rm -rf "$dest"
    dpkg-source --no-check -x "$dl_dir/$dsc" "$dest" >/dev/null
    touch "$dest/.unpacked"
done
echo "fetch_sources: ok ($src_dir)"
