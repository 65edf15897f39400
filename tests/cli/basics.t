#!/usr/bin/env bash
# Plain-mode basics: -c vs FILE, stdin options, exit codes, __main__, output passthrough.
. "$(dirname "$0")/lib.sh"

# --- -c and FILE --------------------------------------------------------------
pa run -c 'print("hello, world")'
is "$RC" 0 "-c print: exit 0"
out_is $'hello, world\n' "-c print: stdout"
err_is "" "-c print: stderr empty"

cat >"$T_TMP/hello.py" <<'PY'
import sys
def greet(who):
    return f"hello, {who}"
for name in ["world", "file"]:
    print(greet(name))
print("argv0 given:", isinstance(sys.argv, list))
PY
pa run "$T_TMP/hello.py"
is "$RC" 0 "FILE: exit 0"
out_is $'hello, world\nhello, file\nargv0 given: True\n' "FILE: stdout"
err_is "" "FILE: stderr empty"

pa run -c "$(cat "$T_TMP/hello.py")"
out_is $'hello, world\nhello, file\nargv0 given: True\n' "-c with the same multi-line program gives the same stdout"

pa run "$T_TMP/hello.py" --timeout 10 --memory-mb 128
is "$RC" 0 "options after FILE are accepted"
out_is $'hello, world\nhello, file\nargv0 given: True\n' "options after FILE: stdout"

pa run --timeout 10 -c 'print(sum(range(101)))'
out_is $'5050\n' "options before -c are accepted"

# --- stdout / stderr passthrough ------------------------------------------------
pa run -c 'import sys
print("to out")
print("to err", file=sys.stderr)
sys.stdout.write("no newline")'
is "$RC" 0 "stdout+stderr: exit 0"
out_is $'to out\nno newline' "stdout passes through unchanged (no newline added)"
err_is $'to err\n' "stderr passes through"

pa run -c 'print("héllo ☃ 😀 中文 \u0301")'
out_is $'héllo ☃ 😀 中文 \u0301\n' "UTF-8 text passes through"

pa run -c 'import sys; sys.stdout.buffer.write(bytes(range(256)))'
is "$RC" 0 "binary stdout: exit 0"
"$PY3" -c 'import sys; open(sys.argv[1], "wb").write(bytes(range(256)))' "$T_TMP/bytes.bin"
ok "binary stdout passes through byte for byte" cmp -s "$T_OUT" "$T_TMP/bytes.bin"

pa run -c 'print("x" * 500000)'
is "$(wc -c <"$T_OUT" | tr -d ' ')" 500001 "500 kB of output (under the cap) is complete"
unlike "$OUT" 'output truncated' "no truncation marker under the cap"

# --- stdin ----------------------------------------------------------------------
pa run -c 'import sys; print(repr(sys.stdin.read()))'
out_is $'\'\'\n' "no --stdin: stdin is empty"

pa run --stdin $'line1\nline2' -c 'import sys; print(repr(sys.stdin.read()))'
out_is $'\'line1\\nline2\'\n' "--stdin TEXT: read() returns exactly TEXT"

pa run --stdin $'Ada\n42\n' -c 'name = input(); n = int(input()); print(f"{name} {n * 2}")'
out_is $'Ada 84\n' "--stdin: input() reads lines"

pa run --stdin 'only' -c '
print(input())
try:
    input()
except EOFError:
    print("EOFError")'
out_is $'only\nEOFError\n' "--stdin: input() after the end raises EOFError"

pa run --stdin $'a b\nc\n\nd' -c 'import sys
lines = sys.stdin.readlines()
print(len(lines), [l.rstrip("\n") for l in lines])'
out_is $'4 [\'a b\', \'c\', \'\', \'d\']\n' "--stdin: readlines()"

pa run --stdin 'héllo ☃' -c 'import sys; d = sys.stdin.buffer.read(); print(len(d), d.hex())'
out_is "$("$PY3" -c 'd = "héllo ☃".encode(); print(len(d), d.hex())')"$'\n' "--stdin: UTF-8 bytes arrive unchanged"

"$PY3" -c '
import sys
with open(sys.argv[1], "wb") as f:
    for i in range(20000):
        f.write(("%05d ünïcode line %s\n" % (i, "z" * (i % 17))).encode())
' "$T_TMP/input.txt"
expect=$("$PY3" -c 'import hashlib,sys; d=open(sys.argv[1],"rb").read(); print(len(d), hashlib.sha256(d).hexdigest())' "$T_TMP/input.txt")
pa run --stdin-file "$T_TMP/input.txt" -c 'import sys, hashlib
d = sys.stdin.buffer.read()
print(len(d), hashlib.sha256(d).hexdigest())'
is "$RC" 0 "--stdin-file: exit 0"
out_is "$expect"$'\n' "--stdin-file: guest reads the whole file byte for byte"

pa run --stdin-file "$T_TMP/input.txt" -c 'import sys
n = 0
for line in sys.stdin:
    n += 1
print(n)'
out_is $'20000\n' "--stdin-file: line iteration over sys.stdin"

# --- exit codes ------------------------------------------------------------------
pa run -c 'pass'
is "$RC" 0 "empty program: exit 0"
out_is "" "empty program: no output"

pa run -c 'print("before"); 1/0'
is "$RC" 1 "uncaught ZeroDivisionError: exit 1"
out_is $'before\n' "output printed before the exception is kept"
like "$ERR" 'Traceback \(most recent call last\):' "uncaught exception: traceback on stderr"
is "$(last_err_line)" "ZeroDivisionError: division by zero" "uncaught exception: last stderr line"

pa run -c 'raise KeyError("k")'
is "$RC" 1 "uncaught KeyError: exit 1"
is "$(last_err_line)" "KeyError: 'k'" "uncaught KeyError: last stderr line"

pa run -c 'import sys; print("three"); sys.exit(3)'
is "$RC" 3 "sys.exit(3): exit 3"
out_is $'three\n' "sys.exit(3): stdout kept"
err_is "" "sys.exit(3): nothing on stderr"

pa run -c 'import sys; sys.exit(0)'
is "$RC" 0 "sys.exit(0): exit 0"
pa run -c 'import sys; sys.exit()'
is "$RC" 0 "sys.exit(): exit 0"
pa run -c 'raise SystemExit(7)'
is "$RC" 7 "raise SystemExit(7): exit 7"
pa run -c 'import sys; sys.exit("fatal: bye")'
is "$RC" 1 "sys.exit(str): exit 1"
err_is $'fatal: bye\n' "sys.exit(str): message on stderr"
pa run -c 'import sys
try:
    sys.exit(5)
finally:
    print("finally ran")'
is "$RC" 5 "sys.exit inside try/finally: exit 5"
out_is $'finally ran\n' "sys.exit inside try/finally: finally block ran"

pa run -c 'def f(:'
is "$RC" 1 "SyntaxError in -c: exit 1"
out_is "" "SyntaxError: nothing on stdout"
is "$(last_err_line)" "SyntaxError: invalid syntax" "SyntaxError in -c: last stderr line"

printf 'print("never")\nx = (1,\n' >"$T_TMP/bad.py"
pa run "$T_TMP/bad.py"
is "$RC" 1 "SyntaxError in FILE: exit 1"
out_is "" "SyntaxError in FILE: code did not run"
is "$(last_err_line)" "SyntaxError: '(' was never closed" "SyntaxError in FILE: last stderr line"

# --- __main__ and expression statements -------------------------------------------
pa run -c 'print(__name__)'
out_is $'__main__\n' "-c: __name__ is __main__"
printf 'if __name__ == "__main__":\n    print("main guard ran")\n' >"$T_TMP/guard.py"
pa run "$T_TMP/guard.py"
out_is $'main guard ran\n' "FILE: if __name__ == '__main__' block runs"
pa run -c 'import sys; print(sys.modules["__main__"].__name__, "f" in dir(sys.modules["__main__"]))
def f(): pass'
out_is $'__main__ False\n' "code runs in the __main__ module"

pa run -c '1 + 1'
is "$RC" 0 "trailing expression: exit 0"
out_is "" "trailing expression is not printed (not a REPL)"
pa run -c $'x = 5\nx\n"a string"'
out_is "" "expression statements print nothing"

pa run -c 'import sys; print(sys.flags.isolated, sys.flags.no_site, "site" in sys.modules)'
out_is $'1 1 False\n' "sys.flags: isolated, no site"

pa run -c 'def f(n): return 0 if n == 0 else 1 + f(n - 1)
print(f(900))'
out_is $'900\n' "recursion 900 deep works (limit 1000)"

done_testing
