/*
** mcp.h — the Model Context Protocol (JSON-RPC 2.0) face of PolyAgent: one
** tool, python_executor, over stdio (`polyagent mcp`) and over HTTP (POST
** /mcp, the streamable HTTP transport answering in plain JSON).
**
** The dispatcher knows nothing of transports or of how code runs: the
** caller gives it a function that runs an execute request.
*/
#ifndef PA_SERVER_MCP_H
#define PA_SERVER_MCP_H

#include <jansson.h>

#include "api.h"

/* Run e; return the result object of /v1/execute (owned by the caller) or
** NULL with *err set (e.g. busy). */
typedef json_t *(*pa_mcp_exec_fn)(void *ud, const pa_api_exec *e, pa_api_err *err);

/* Handle one JSON-RPC message.  Returns the response (owned by the caller),
** or NULL for a notification, which gets none. */
json_t *pa_mcp_handle(json_t *msg, const pa_api_limits *lim, pa_mcp_exec_fn exec, void *ud);

/* The response to a body that is not JSON at all (-32700). */
json_t *pa_mcp_parse_error(const char *why);

#endif
