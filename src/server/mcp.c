/*
** mcp.c — JSON-RPC 2.0 dispatch for MCP (mcp.h): initialize, ping,
** tools/list, tools/call.  Tool results carry stdout, stderr and the status,
** as text for the model and as structured content for programs.
*/
#include "mcp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROTOCOL "2025-03-26"

static json_t *reply(json_t *id, json_t *result) {
    return json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result", result);
}

static json_t *fail(json_t *id, int code, const char *msg) {
    return json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", "code", code,
                     "message", msg);
}

json_t *pa_mcp_parse_error(const char *why) { return fail(NULL, -32700, why ? why : "parse error"); }

static json_t *tool_schema(void) {
    return json_pack(
        "{s:s,s:s,s:{s:s,s:{s:{s:s,s:s},s:{s:s,s:s},s:{s:s,s:s},s:{s:s,s:s,s:i,s:i},s:{s:s,s:s,s:i,s:i}},"
        "s:[s],s:b}}",
        "name", "python_executor",
        "description", "Run Python 3.11 code in a sandbox (standard library only; no network, no host files; "
                       "a private /tmp). Returns stdout, stderr and the status. Pass session_id to keep "
                       "variables, imports and files between calls.",
        "inputSchema", "type", "object", "properties",
        "code", "type", "string", "description", "Python source to run",
        "session_id", "type", "string", "description", "keep state across calls under this id ([A-Za-z0-9_.-]{1,128})",
        "stdin", "type", "string", "description", "standard input for the program",
        "timeout_seconds", "type", "number", "description", "wall-clock limit", "minimum", 1, "maximum", 60,
        "memory_limit_mb", "type", "integer", "description", "memory limit", "minimum", 16, "maximum", 512,
        "required", "code", "additionalProperties", 0);
}

/* The execute result as MCP tool content. */
static json_t *tool_result(json_t *res) {
    const char *status = json_string_value(json_object_get(res, "status"));
    const char *out = json_string_value(json_object_get(res, "stdout"));
    const char *err = json_string_value(json_object_get(res, "stderr"));
    /* stdout and stderr as they are (valid UTF-8 already), labelled.  (A
    ** NUL in them ends the text here; structuredContent has every byte.) */
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    if (!f) return NULL;
    fprintf(f, "status: %s\n", status ? status : "?");
    if (out && *out) fprintf(f, "stdout:\n%s%s", out, out[strlen(out) - 1] == '\n' ? "" : "\n");
    if (err && *err) fprintf(f, "stderr:\n%s", err);
    fclose(f);
    json_t *text = json_stringn(s, n);
    free(s);
    return json_pack("{s:[{s:s,s:o}],s:b,s:O}", "content", "type", "text", "text", text ? text : json_string(""),
                     "isError", !status || strcmp(status, "ok") != 0, "structuredContent", res);
}

json_t *pa_mcp_handle(json_t *msg, const pa_api_limits *lim, pa_mcp_exec_fn exec, void *ud) {
    json_t *id = json_object_get(msg, "id");
    json_t *method = json_object_get(msg, "method");
    json_t *version = json_object_get(msg, "jsonrpc");
    if (!json_is_object(msg) || !json_is_string(method) || !json_is_string(version) ||
        strcmp(json_string_value(version), "2.0") != 0)
        return fail(id, -32600, "invalid request: expected a JSON-RPC 2.0 object with a method");
    const char *m = json_string_value(method);
    if (!id) return NULL; /* a notification (e.g. notifications/initialized): no answer */
    json_t *params = json_object_get(msg, "params");

    if (!strcmp(m, "initialize")) {
        json_t *want = json_object_get(params, "protocolVersion");
        return reply(id, json_pack("{s:s,s:{s:{s:b}},s:{s:s,s:s}}", "protocolVersion",
                                   json_is_string(want) ? json_string_value(want) : PROTOCOL, "capabilities", "tools",
                                   "listChanged", 0, "serverInfo", "name", "polyagent", "version", "0.3"));
    }
    if (!strcmp(m, "ping")) return reply(id, json_object());
    if (!strcmp(m, "tools/list")) return reply(id, json_pack("{s:[o]}", "tools", tool_schema()));
    if (!strcmp(m, "tools/call")) {
        json_t *name = json_object_get(params, "name"), *args = json_object_get(params, "arguments");
        if (!json_is_string(name) || strcmp(json_string_value(name), "python_executor") != 0)
            return fail(id, -32602, "unknown tool; available tools: python_executor");
        pa_api_exec e;
        char why[256];
        pa_api_err err = pa_api_parse_exec(args ? args : json_null(), lim, &e, why, sizeof why);
        if (err) return fail(id, -32602, why);
        json_t *res = exec(ud, &e, &err);
        if (!res) return fail(id, -32000, err == PA_API_BUSY ? "too many runs waiting; retry later" : "internal error");
        json_t *content = tool_result(res);
        json_t *r = content ? reply(id, content) : fail(id, -32603, "out of memory");
        json_decref(res);
        return r;
    }
    char why[160];
    snprintf(why, sizeof why, "method not found: %.100s", m);
    return fail(id, -32601, why);
}
