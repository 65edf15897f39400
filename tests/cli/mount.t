#!/bin/bash
# --mount HOST:GUEST[:ro]: a host tree shown read-only, and nothing beyond
# it: no symlink followed, no second name of an outside file, no writes.
. "$(dirname "$0")/lib.sh"
export POLYAGENT_STATE_DIR="$T_TMP/state"
H=$T_TMP/host
mkdir -p "$H/sub/deeper" "$H/empty"
echo "hello data" > "$H/a.txt"
printf 'x,y\n1,2\n' > "$H/sub/t.csv"
echo deep > "$H/sub/deeper/d"
ln -s /etc/passwd "$H/passwd-link"
ln -s a.txt "$H/inner-link"
echo secret > "$T_TMP/outside"
ln "$T_TMP/outside" "$H/hardlink"
mkfifo "$H/fifo"

pa run --mount "$H:/data:ro" -c '
import os
for root, dirs, files in sorted(os.walk("/data")):
    print(root, sorted(dirs), sorted(files))
print(open("/data/a.txt").read().strip(), open("/data/sub/t.csv").read().split())
for p in ["/data/passwd-link", "/data/inner-link", "/data/hardlink", "/data/fifo", "/data/../etc/passwd", "/data/sub/../../etc/passwd"]:
    try:
        open(p)
        print("OPEN", p)
    except OSError as e:
        print(type(e).__name__, p)
for p in ["/data/new", "/data/a.txt", "/data/sub/x"]:
    try:
        open(p, "a")
        print("WROTE", p)
    except OSError as e:
        print(type(e).__name__, p)
for f in (lambda: os.mkdir("/data/d"), lambda: os.remove("/data/a.txt"), lambda: os.rename("/data/a.txt", "/tmp/a")):
    try:
        f()
        print("CHANGED")
    except OSError as e:
        print(type(e).__name__)
'
is "$RC" 0 "mounted run exits 0"
is "$(cat "$T_OUT")" "/data ['empty', 'sub'] ['a.txt']
/data/empty [] []
/data/sub ['deeper'] ['t.csv']
/data/sub/deeper [] ['d']
hello data ['x,y', '1,2']
FileNotFoundError /data/passwd-link
FileNotFoundError /data/inner-link
FileNotFoundError /data/hardlink
FileNotFoundError /data/fifo
FileNotFoundError /data/../etc/passwd
FileNotFoundError /data/sub/../../etc/passwd
PermissionError /data/new
PermissionError /data/a.txt
PermissionError /data/sub/x
PermissionError
PermissionError
PermissionError" "the tree is visible read-only; links, hard links, FIFOs and .. lead nowhere"

pa run --mount "$H:/srv/data" -c 'import os; print(sorted(os.listdir("/srv")), open("/srv/data/sub/deeper/d").read().strip())'
is "$(cat "$T_OUT")" "['data'] deep" "parents of the guest path are created, :ro is the default"

pa run --mount "$H:/a" --mount "$H/sub:/b" -c 'import os; print(sorted(os.listdir("/a")), sorted(os.listdir("/b")))'
is "$(cat "$T_OUT")" "['a.txt', 'empty', 'sub'] ['deeper', 't.csv']" "two mounts"

pa run --session m --mount "$H:/data" -c 'x = open("/data/a.txt").read()'
pa run --session m --mount "$H:/data" -c 'print(x.strip(), open("/data/a.txt").read().strip())'
is "$(cat "$T_OUT")" "hello data hello data" "mounts work in sessions"

for spec in "$H:/lib/x" "$H:/tmp" "$H:/" "$H:relative" "$H:/a/../b" "$H:/d:rw" "/nonexistent:/d" "$H" ":/d"; do
    pa run --mount "$spec" -c 'print(1)'
    is "$RC" 2 "--mount $spec is a usage error"
    like "$(cat "$T_ERR")" "^polyagent: --mount" "--mount $spec says why"
done
done_testing
