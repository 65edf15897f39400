#!/usr/bin/env bash
# guest/build.sh OUT_DIR — build the guest: zlib, sqlite and CPython 3.11 from
# the pinned Debian sources, cross-compiled for wasm32-wasi with Debian's
# clang-14, linked with driver.c into a reactor module, plus the stdlib image.
# Three products, each cached under $POLYAGENT_CACHE/guest/ by a key that hashes
# every input that can change it, so a warm cache makes this script a copy:
#   cpython-*/   <- source pins, this script, sqlite glue, patches, clang:
#                   libpython3.11.a and the libraries and headers it needs
#   python.wasm  <- the above + driver.c (a driver change only relinks: seconds)
#   stdlib.zip,  <- source pins, pack_stdlib.py, the native python3.11 that
#   tzdata.zip
#                   compiles the .pyc files, Debian's tzdata version
# Editing the stdlib packer or the driver therefore never rebuilds CPython
# (~3 min cold).
set -euo pipefail
# Called from our Makefile: its flags (e.g. --no-builtin-rules) must not leak
# into the third-party builds below, which rely on make's built-in rules.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:?usage: guest/build.sh OUT_DIR}
cache=${POLYAGENT_CACHE:-$HOME/.cache/polyagent}
jobs=${JOBS:-$(nproc)}
zoneinfo=/usr/share/zoneinfo
mkdir -p "$out"
out=$(cd "$out" && pwd)

hash16() { sha256sum | cut -c1-16; }
cpy_key=$( { cat "$here"/sources.lock "$here"/build.sh "$here"/sqlite_wasi.h "$here"/sqlite_stubs.c \
          "$here"/patches/* 2>/dev/null; clang --version | head -1; } | hash16)
key=$( { echo "$cpy_key"; cat "$here"/driver.c; } | hash16)
lib_key=$( { cat "$here"/sources.lock "$here"/pack_stdlib.py; /usr/bin/python3.11 -VV;
             head -1 "$zoneinfo/tzdata.zi" 2>/dev/null; } | hash16)
store=$cache/guest/wasm-$key
cpy_store=$cache/guest/cpython-$cpy_key
lib_store=$cache/guest/stdlib-$lib_key
src=$cache/src
py_src=$src/python3.11-3.11.2-6+deb12u8

# Copy only what changed, so make sees unchanged products as unchanged.
install() { cmp -s "$1" "$out/$2" || cp -f "$1" "$out/$2"; }

if [ ! -f "$lib_store/stdlib.zip" ] || [ ! -f "$lib_store/tzdata.zip" ]; then
    "$root/scripts/fetch_sources.sh" >/dev/null
    echo "guest: stdlib image"
    mkdir -p "$lib_store"
    /usr/bin/python3.11 "$here/pack_stdlib.py" "$py_src/Lib" "$lib_store/stdlib.zip.tmp" \
        "$zoneinfo" "$lib_store/tzdata.zip.tmp"
    mv "$lib_store/tzdata.zip.tmp" "$lib_store/tzdata.zip"
    mv "$lib_store/stdlib.zip.tmp" "$lib_store/stdlib.zip"
fi
install "$lib_store/stdlib.zip" stdlib.zip
install "$lib_store/tzdata.zip" tzdata.zip
if [ -f "$store/python.wasm" ]; then
    install "$store/python.wasm" python.wasm
    exit 0
fi

tmp_root=$cache/work
mkdir -p "$tmp_root"
# bulk-memory turns memcpy/memset into single instructions; sign-ext and
# non-trapping float-to-int avoid helper sequences.  wasm2c 1.0.32 knows all three.
features="-mbulk-memory -msign-ext -mnontrapping-fptoint"
# With bulk-memory on, clang-14 considers thread-locals (wasi-libc's errno)
# and needs the only TLS model wasm supports spelled out.
tls="-ftls-model=local-exec"
wasm_cflags="-O2 $features $tls"
# A sysroot holding only wasi-libc: Debian's clang would otherwise also search
# the host's /usr/include and pick up x86 zlib.h, sqlite3.h, openssl...
make_sysroot() {
    mkdir -p "$1/include" "$1/lib"
    ln -s /usr/include/wasm32-wasi "$1/include/wasm32-wasi"
    ln -s /usr/lib/wasm32-wasi "$1/lib/wasm32-wasi"
}
if [ ! -f "$cpy_store/libpython3.11.a" ]; then
    "$root/scripts/fetch_sources.sh" >/dev/null
    z_src=$src/zlib-1.2.13.dfsg-1
    sq_src=$src/sqlite3-3.40.1-2+deb12u2
    work=$tmp_root/cpython-$cpy_key
    rm -rf "$work"
    mkdir -p "$work"/{prefix/include,prefix/lib/pkgconfig}
    prefix=$work/prefix

    make_sysroot "$work/sysroot"
    CC="clang --target=wasm32-wasi --sysroot=$work/sysroot"
    export AR=llvm-ar RANLIB=llvm-ranlib

    echo "guest: zlib"
    mkdir -p "$work/zlib"
    for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast \
             inflate inftrees trees uncompr zutil; do
        echo "$CC $wasm_cflags -D_LARGEFILE64_SOURCE=1 -I$z_src -c $z_src/$f.c -o $work/zlib/$f.o"
    done | xargs -P "$jobs" -I{} sh -c '{}'
    llvm-ar rcs "$prefix/lib/libz.a" "$work"/zlib/*.o
    cp "$z_src/zlib.h" "$z_src/zconf.h" "$prefix/include/"

    echo "guest: sqlite"
    mkdir -p "$work/sqlite-native"
    # The amalgamation is generated natively (needs tclsh), then compiled for wasm.
    (cd "$work/sqlite-native" && "$sq_src/configure" --disable-tcl >/dev/null && make -s sqlite3.c >/dev/null 2>&1)
    sqlite_defs="-DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL \
      -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_MAX_MMAP_SIZE=0 \
      -DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_ENABLE_JSON1 \
      -D_WASI_EMULATED_GETPID -include $here/sqlite_wasi.h"
    $CC $wasm_cflags $sqlite_defs -c "$work/sqlite-native/sqlite3.c" -o "$work/sqlite3.o"
    $CC $wasm_cflags -c "$here/sqlite_stubs.c" -o "$work/sqlite_stubs.o"
    llvm-ar rcs "$prefix/lib/libsqlite3.a" "$work/sqlite3.o" "$work/sqlite_stubs.o"
    cp "$work/sqlite-native/sqlite3.h" "$prefix/include/"

    echo "guest: cpython configure"
    # configure turns pymalloc off for WASI; without it every small object goes to
    # dlmalloc (a quarter of the run time in profiles).  It needs no OS support:
    # arenas come from malloc when there is no mmap.
    cp -a "$py_src" "$work/cpython"
    for p in "$here"/patches/*.patch; do
        [ -e "$p" ] || continue
        patch -s -d "$work/cpython" -p1 < "$p"
    done
    mkdir -p "$work/cpython/builddir"
    cd "$work/cpython/builddir"
    CONFIG_SITE=../Tools/wasm/config.site-wasm32-wasi \
    CC="$CC" CPP="$CC -E" CFLAGS="$features $tls -DPy_DEFAULT_RECURSION_LIMIT=1000" \
    PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig" \
    ZLIB_CFLAGS="-I$prefix/include" ZLIB_LIBS="-L$prefix/lib -lz" \
    LIBSQLITE3_CFLAGS="-I$prefix/include" LIBSQLITE3_LIBS="-L$prefix/lib -lsqlite3" \
      ../configure --host=wasm32-unknown-wasi --build="$(../config.guess)" \
        --with-build-python=/usr/bin/python3.11 --disable-shared --disable-ipv6 \
        --without-ensurepip --disable-test-modules --with-suffix=.wasm \
        --with-pymalloc \
        OPT="-DNDEBUG -fwrapv -O2" > "$work/configure.log" 2>&1 || {
            tail -30 "$work/configure.log" >&2; exit 1; }

    echo "guest: cpython make"
    make -s -j"$jobs" libpython3.11.a > "$work/make.log" 2>&1 || { tail -40 "$work/make.log" >&2; exit 1; }
    # Every module configure enabled is linked statically into libpython; the
    # libraries they need are in MODLIBS/LIBS/SYSLIBS.
    # Keep what the driver needs to compile and link against; drop the rest.
    # Libraries are copied into lib/ and named @LIB@/x.a in linklibs.txt
    # (they are given as paths relative to builddir or under $prefix).
    rm -rf "$cpy_store.tmp"
    mkdir -p "$cpy_store.tmp/lib"
    cp libpython3.11.a pyconfig.h "$cpy_store.tmp/"
    cp -a ../Include "$cpy_store.tmp/Include"
    cp "$prefix"/lib/*.a "$cpy_store.tmp/lib/"
    libs=$(printf 'print-libs:\n\t@echo $(MODLIBS) $(LIBS) $(SYSLIBS)\n' | make -s -f Makefile -f - print-libs)
    for word in $libs; do
        case $word in
            *.a) cp "$word" "$cpy_store.tmp/lib/"; echo "@LIB@/$(basename "$word")" ;;
            -L"$prefix"/lib) echo "-L@LIB@" ;;
            *) echo "$word" ;;
        esac
    done > "$cpy_store.tmp/linklibs.txt"
    rm -rf "$cpy_store"
    mv "$cpy_store.tmp" "$cpy_store"
    cd /
    rm -rf "$work"   # sources and objects can be made again; keep the cache small
fi

echo "guest: link reactor"
link=$tmp_root/link-$key
rm -rf "$link"
make_sysroot "$link/sysroot"
CC="clang --target=wasm32-wasi --sysroot=$link/sysroot"
cd "$link"
$CC $wasm_cflags -I"$cpy_store" -I"$cpy_store/Include" \
    -I"$cpy_store/Include/internal" -c "$here/driver.c" -o driver.o
linklibs=$(sed "s|@LIB@|$cpy_store/lib|g" "$cpy_store/linklibs.txt")
# 8 MiB guest stack placed first in memory: an overflow runs below address 0
# and traps instead of silently corrupting the heap.  The name section is kept
# (function names in the generated C help profiling); DWARF is dropped.
# shellcheck disable=SC2086
$CC $features -mexec-model=reactor -o python.wasm driver.o "$cpy_store/libpython3.11.a" $linklibs \
    -Wl,-z,stack-size=8388608 -Wl,--stack-first -Wl,--max-memory=4294967296 \
    -Wl,--strip-debug

mkdir -p "$store"
cp python.wasm "$store/python.wasm.tmp"
mv "$store/python.wasm.tmp" "$store/python.wasm"
install "$store/python.wasm" python.wasm
cd /
rm -rf "$link"
echo "guest: built ($key)"
