# Exception classes named with JSON/terminal metacharacters and non-ASCII:
# the name is reported verbatim, the result stays valid JSON.
# expect: status=error
# expect: error.type=Evil"\\</script>\x1b[2J☃
# expect: error.message=boom
E = type('Evil"\\</script>\x1b[2J\u2603', (Exception,), {})
raise E("boom")
# === a 100 000-character class name and a qualified module name
# expect: status=error
# check: d["error"]["type"] == "N" * 100000
E = type("N" * 100000, (Exception,), {"__module__": "some.module"})
raise E("long")
