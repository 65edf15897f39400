#!/usr/bin/env python3
"""A stand-in OpenAI-compatible chat-completions server for the agent tests.

It plays a model with scripted behaviour chosen by words in the user's query:
asks for python_executor calls, reads the tool results, answers with what the
code printed.  Special words make it misbehave: "malformed" (first tool call's
arguments are not JSON), "ratelimit" (first request gets 429), "slow" (never
answers in time), "broken" (answers HTTP 500 every time).
Usage: fake_llm.py PORT_FILE   (writes the port it listens on)
"""
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}
lock = threading.Lock()

PLANS = {
    "hello": "print('Hello, PolyAgent!')",
    "factorial": "import math\nprint(math.factorial(10))",
    "fibonacci": "a, b = 0, 1\nout = []\nfor _ in range(20):\n    out.append(a)\n    a, b = b, a + b\nprint(out)",
    "store": "data = [1, 2, 3, 4, 5]\nprint('stored')",
    "mean": "import statistics\nprint(statistics.mean(data))",
}


def call(code, n):
    return {"id": f"call_{n}", "type": "function", "function": {"name": "python_executor", "arguments": json.dumps({"code": code})}}


class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def reply(self, status, obj, headers=()):
        body = json.dumps(obj).encode()
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on a "slow" answer, as it should

    def do_POST(self):
        req = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.path == "/v1/chat/completions", self.path
        assert req["tools"][0]["function"]["name"] == "python_executor"
        if self.headers.get("Authorization") != "Bearer test-key":
            return self.reply(401, {"error": "bad key"})
        msgs = req["messages"]
        query = next(m["content"] for m in msgs if m["role"] == "user").lower()
        tools = [m for m in msgs if m["role"] == "tool"]
        key = query
        with lock:
            counts[key] = counts.get(key, 0) + 1
            n = counts[key]
        if "broken" in query:
            return self.reply(500, {"error": "down"})
        if "slow" in query:
            time.sleep(5)
            return self.reply(200, {})
        if "ratelimit" in query and n == 1:
            return self.reply(429, {"error": "slow down"}, [("Retry-After", "0")])
        plan = next((code for word, code in PLANS.items() if word in query), None)
        if plan and not tools:
            if "malformed" in query:
                tc = {"id": "call_bad", "type": "function", "function": {"name": "python_executor", "arguments": "{not json"}}
                return self.reply(200, {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": [tc]}}]})
            return self.reply(200, {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": [call(plan, 1)]}}]})
        if plan and tools:
            last = json.loads(tools[-1]["content"])
            if "error" in last and "stdout" not in last:  # our malformed call was refused: try properly
                return self.reply(200, {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": [call(plan, 2)]}}]})
            return self.reply(200, {"choices": [{"message": {"role": "assistant", "content": "The code printed: " + last["stdout"].strip()}}]})
        return self.reply(200, {"choices": [{"message": {"role": "assistant", "content": "I can answer that without code."}}]})


srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
with open(sys.argv[1], "w") as f:
    f.write(str(srv.server_address[1]))
srv.serve_forever()
