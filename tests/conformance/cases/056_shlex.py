import shlex

for s in ['ls -la "my dir" file\\ name', "echo 'single quoted' \"double $HOME\"", "a=b c='d e' | grep x > out.txt",
          'python -c "print(\'hi\')"', "  spaced   out  ", "# comment only", "cmd # trailing comment", 'esc\\"aped "q\\"x"']:
    print(repr(s), shlex.split(s), shlex.split(s, comments=True))
for arg in ["simple", "with space", "it's", "", "$(rm -rf)", "a\"b", "ünï"]:
    print(repr(arg), shlex.quote(arg))
print(shlex.join(["echo", "hello world", "it's", "x"]))
lx = shlex.shlex("a = b + 'c d' ; e(f, g)", posix=True)
print(list(lx))
lx = shlex.shlex("x=1&&y=2||z", punctuation_chars=True)
print(list(lx))
lx = shlex.shlex("key1=val1 key2=val2", posix=True)
lx.whitespace_split = True
print(list(lx))
try:
    shlex.split('unterminated "quote')
except ValueError as e:
    print("ValueError", e)
print(shlex.split("a 'b'c\"d\" e", posix=True), shlex.split("a 'b' c", posix=False))
