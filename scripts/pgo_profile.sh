#!/usr/bin/env bash
# Profile for gcc's profile-guided optimisation of the generated guest C.
#
#   scripts/pgo_profile.sh BUILD_DIR PROGRAM.py...
#
# Called by make, with $MAKE set.  Puts BUILD_DIR/w2c/obj/w2c_*.gcda where
# -fprofile-use looks for the profile of BUILD_DIR/w2c/obj/w2c_*.o, and
# touches BUILD_DIR/w2c/profile.stamp when they change.
#
# A profile is made by running the programs with BUILD_DIR/pgo_train (our
# runtime linked with instrumented units from BUILD_DIR/w2c/gen/, built by
# make from here only when needed) and kept in $POLYAGENT_CACHE/pgo/KEY, KEY
# being the hash of everything it depends on: the generated C, the flags,
# the trainer, the programs and the compiler.  Training is not bit-for-bit
# repeatable (the guest's clocks and hashing differ run to run), so reusing
# the stored profile is what lets ccache serve the final objects of an
# unchanged guest on a clean checkout, and spares that checkout the
# instrumented build.
set -euo pipefail
build=${1:?usage: pgo_profile.sh BUILD_DIR PROGRAM.py...}
shift
[ $# -gt 0 ] || { echo "pgo_profile.sh: no training programs" >&2; exit 2; }
cache=${POLYAGENT_CACHE:-$HOME/.cache/polyagent}
here=$(cd "$(dirname "$0")" && pwd)

key=$( { cat "$build"/w2c/w2c_*.c "$build"/w2c/*.h "$here/pgo_train.c" "$@";
         echo "${W2C_CFLAGS:-}"; gcc --version | head -1; } | sha256sum | cut -c1-16)
store=$cache/pgo/$key
if [ ! -f "$store/complete" ]; then
    echo "pgo: no stored profile: instrumented build, then training on $# programs"
    ${MAKE:-make} --no-print-directory "$build/pgo_train"
    rm -f "$build"/w2c/gen/*.gcda
    t0=$(date +%s)
    "$build/pgo_train" "$@" ||
        { echo "pgo: the training run failed (make PGO=0 builds without a profile)" >&2; exit 1; }
    mkdir -p "$cache/pgo"
    tmp=$(mktemp -d "$cache/pgo/.tmp-$key-XXXXXX")
    cp "$build"/w2c/gen/w2c_*.gcda "$tmp/"
    touch "$tmp/complete"
    # Another build may have stored the same key meanwhile: either is good.
    mv -T "$tmp" "$store" 2>/dev/null || rm -rf "$tmp"
    echo "pgo: profile $key stored ($(( $(date +%s) - t0 )) s)"
fi
# Copy what differs; touch the stamp (what the objects depend on) only then.
mkdir -p "$build/w2c/obj"
changed=0
for f in "$store"/w2c_*.gcda; do
    cmp -s "$f" "$build/w2c/obj/${f##*/}" || { cp -f "$f" "$build/w2c/obj/"; changed=1; }
done
[ $changed -eq 0 ] && [ -f "$build/w2c/profile.stamp" ] || touch "$build/w2c/profile.stamp"
