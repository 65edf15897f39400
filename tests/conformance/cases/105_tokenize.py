import io
import keyword
import token
import tokenize

src = '''def greet(name: str = "world") -> None:
    """Say hi."""
    x = 0x1F + 1_000 * 3.5e-2  # comment
    print(f"hi {name}!", end='\\n')
    return None if x >= 10 else [x, ...]
'''
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(token.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
toks = list(tokenize.tokenize(io.BytesIO(src.encode()).readline))
print(toks[0].type == token.ENCODING, toks[0].string, len(toks))
print(tokenize.untokenize((t.type, t.string) for t in tokenize.generate_tokens(io.StringIO("a=1+2\n").readline)))
print(sorted(keyword.kwlist), keyword.iskeyword("match"), keyword.issoftkeyword("match"), sorted(keyword.softkwlist))
print(token.ISTERMINAL(token.NAME), token.ISNONTERMINAL(300), token.EXACT_TOKEN_TYPES["**="] == token.DOUBLESTAREQUAL)
try:
    list(tokenize.generate_tokens(io.StringIO("x = (1,\n").readline))
except tokenize.TokenError as e:
    print("TokenError", e.args[0])
print(tokenize.detect_encoding(io.BytesIO(b"# -*- coding: latin-1 -*-\nx = 1\n").readline))
