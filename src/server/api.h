/*
** api.h — the HTTP API's JSON contract, apart from HTTP itself: decoding
** and validating request bodies, and the one table that maps an error kind
** to its HTTP status and code.  Handlers in http.c stay thin.
*/
#ifndef PA_SERVER_API_H
#define PA_SERVER_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum pa_api_err {
    PA_API_OK = 0,
    PA_API_BAD_JSON,        /* 400 invalid_json */
    PA_API_BAD_FIELD,       /* 400 invalid_field */
    PA_API_UNKNOWN_TOOL,    /* 400 unknown_tool */
    PA_API_UNAUTHORIZED,    /* 401 unauthorized */
    PA_API_NOT_FOUND,       /* 404 not_found */
    PA_API_METHOD,          /* 405 method_not_allowed */
    PA_API_TOO_LARGE,       /* 413 body_too_large */
    PA_API_MEDIA_TYPE,      /* 415 unsupported_media_type */
    PA_API_BUSY,            /* 429 too_many_requests */
    PA_API_INTERNAL,        /* 500 internal */
    PA_API_NOT_IMPLEMENTED, /* 501 not_implemented */
    PA_API_BAD_GATEWAY,     /* 502 model_provider_error */
    PA_API_SHUTTING_DOWN,   /* 503 shutting_down */
} pa_api_err;

/* HTTP status and the machine-readable code of an error kind. */
unsigned pa_api_status(pa_api_err e);
const char *pa_api_code(pa_api_err e);
/* {"error": {"code", "message"}} as compact text (malloc'd). */
char *pa_api_error_body(pa_api_err e, const char *message);

/* Limits a request may ask for, and what it gets by default. */
typedef struct pa_api_limits {
    double timeout_default_s, timeout_min_s, timeout_max_s;
    uint32_t memory_default_mb, memory_min_mb, memory_max_mb;
} pa_api_limits;

/* An execute request (the body of /v1/execute, or the parameters of the
** python_executor tool).  Strings point into the parsed JSON. */
typedef struct pa_api_exec pa_api_exec;
struct pa_api_exec {
    const char *code; size_t code_len;
    const char *session_id;     /* NULL: fresh */
    const char *stdin_data; size_t stdin_len;
    double timeout_s;
    uint32_t memory_mb;
};

/* Validate the fields of obj into *out.  On error: the kind, and a message
** naming the field (and the allowed range) in msg. */
pa_api_err pa_api_parse_exec(json_t *obj, const pa_api_limits *lim, pa_api_exec *out, char *msg, size_t msglen);

/* /v1/tools/execute: {"tool": "python_executor", "parameters": {...}}. */
pa_api_err pa_api_parse_tool(json_t *obj, const pa_api_limits *lim, pa_api_exec *out, char *msg, size_t msglen);

/* /agent/query: the code to run directly, if the query carries any ("Execute
** Python: ..." in any case, or a fenced ```python block).  Returns a
** malloc'd string, or NULL when the query is natural language. */
char *pa_api_direct_code(const char *query);

#endif
