#!/bin/bash
# MCP: `polyagent mcp` over stdio, and POST /mcp on the service.
. "$(dirname "$0")/../cli/lib.sh"
export POLYAGENT_STATE_DIR="$T_TMP/state"

/usr/bin/python3 - "$POLYAGENT" <<'PY'
import json, subprocess, sys, time, http.client
pa = sys.argv[1]
n = 0
def check(ok, name, got=None):
    global n
    n += 1
    print(("ok" if ok else "not ok"), n, "-", name)
    if not ok:
        print("#   got:", repr(got)[:400])

msgs = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-03-26", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}},
    {"jsonrpc": "2.0", "method": "notifications/initialized"},
    {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "python_executor", "arguments": {"code": "x = 6\nprint(x * 7)", "session_id": "m1"}}},
    {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "python_executor", "arguments": {"code": "print(x)", "session_id": "m1"}}},
    {"jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": {"name": "python_executor", "arguments": {"code": "1/0"}}},
    {"jsonrpc": "2.0", "id": 6, "method": "tools/call", "params": {"name": "shell", "arguments": {}}},
    {"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "python_executor", "arguments": {"code": "1", "timeout_seconds": 100}}},
    {"jsonrpc": "2.0", "id": 8, "method": "no/such"},
    {"jsonrpc": "2.0", "id": 9, "method": "ping"},
]
inp = "\n".join(json.dumps(m) for m in msgs) + "\nnot json\n"
p = subprocess.run([pa, "mcp"], input=inp.encode(), capture_output=True, timeout=60)
lines = [json.loads(l) for l in p.stdout.decode().splitlines()]
check(p.returncode == 0, "mcp exits 0 at end of input", p.stderr)
check(len(lines) == 10, "one response per request, none for the notification", len(lines))
by = {r.get("id"): r for r in lines}
check(by[1]["result"]["protocolVersion"] == "2025-03-26" and "tools" in by[1]["result"]["capabilities"], "initialize", by[1])
tools = by[2]["result"]["tools"]
check([t["name"] for t in tools] == ["python_executor"] and tools[0]["inputSchema"]["required"] == ["code"], "tools/list has python_executor and its schema", tools)
check(by[3]["result"]["content"][0]["text"] == "status: ok\nstdout:\n42\n" and by[3]["result"]["isError"] is False, "tools/call runs code", by[3])
check(by[4]["result"]["structuredContent"]["stdout"] == "6\n", "tools/call keeps a session", by[4])
r5 = by[5]["result"]
check(r5["isError"] is True and r5["structuredContent"]["error"]["type"] == "ZeroDivisionError" and "ZeroDivisionError" in r5["content"][0]["text"], "an exception is a tool error with stderr", r5)
check(by[6]["error"]["code"] == -32602 and "python_executor" in by[6]["error"]["message"], "unknown tool: -32602 naming the tool", by[6])
check(by[7]["error"]["code"] == -32602 and "timeout_seconds" in by[7]["error"]["message"], "bad arguments: -32602 naming the field", by[7])
check(by[8]["error"]["code"] == -32601, "unknown method: -32601", by[8])
check(by[9]["result"] == {}, "ping", by[9])
check(by[None]["error"]["code"] == -32700, "not JSON: -32700", by.get(None))

# The same over HTTP.
srv = subprocess.Popen([pa, "serve", "--listen", "127.0.0.1:0", "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
port = int(srv.stdout.readline().decode().rsplit(":", 1)[1])
def post(body, raw=False):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("POST", "/mcp", body=body if raw else json.dumps(body), headers={"Content-Type": "application/json"})
    r = c.getresponse()
    return r.status, r.read()
st, b = post(msgs[3])
check(st == 200 and json.loads(b)["result"]["content"][0]["text"] == "status: ok\nstdout:\n42\n", "POST /mcp tools/call", b)
st, b = post(msgs[1])
check(st == 202 and b == b"", "POST /mcp notification: 202, no body", (st, b))
st, b = post(b"{nope", raw=True)
check(st == 200 and json.loads(b)["error"]["code"] == -32700, "POST /mcp bad JSON: JSON-RPC parse error", b)
srv.terminate()
check(srv.wait(timeout=30) == 0, "service stops cleanly")
print(f"1..{n}")
PY
