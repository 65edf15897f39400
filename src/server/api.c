/*
** api.c — request decoding and the error table (api.h).
**
** Validation is strict and says what is wrong: an unknown field, a wrong
** type or an out-of-range limit is a 400 that names the field, never a
** silent clamp.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "api.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/store.h"

static const struct { unsigned status; const char *code; } table[] = {
    [PA_API_OK] = {200, "ok"},
    [PA_API_BAD_JSON] = {400, "invalid_json"},
    [PA_API_BAD_FIELD] = {400, "invalid_field"},
    [PA_API_UNKNOWN_TOOL] = {400, "unknown_tool"},
    [PA_API_UNAUTHORIZED] = {401, "unauthorized"},
    [PA_API_NOT_FOUND] = {404, "not_found"},
    [PA_API_METHOD] = {405, "method_not_allowed"},
    [PA_API_TOO_LARGE] = {413, "body_too_large"},
    [PA_API_MEDIA_TYPE] = {415, "unsupported_media_type"},
    [PA_API_BUSY] = {429, "too_many_requests"},
    [PA_API_INTERNAL] = {500, "internal"},
    [PA_API_NOT_IMPLEMENTED] = {501, "not_implemented"},
    [PA_API_BAD_GATEWAY] = {502, "model_provider_error"},
    [PA_API_SHUTTING_DOWN] = {503, "shutting_down"},
};

unsigned pa_api_status(pa_api_err e) { return table[e].status; }
const char *pa_api_code(pa_api_err e) { return table[e].code; }

char *pa_api_error_body(pa_api_err e, const char *message) {
    json_t *o = json_pack("{s:{s:s,s:s}}", "error", "code", table[e].code, "message", message ? message : "");
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

static pa_api_err bad(char *msg, size_t len, const char *fmt, const char *field, double lo, double hi) {
    snprintf(msg, len, fmt, field, lo, hi);
    return PA_API_BAD_FIELD;
}

pa_api_err pa_api_parse_exec(json_t *obj, const pa_api_limits *lim, pa_api_exec *out, char *msg, size_t msglen) {
    memset(out, 0, sizeof *out);
    out->timeout_s = lim->timeout_default_s;
    out->memory_mb = lim->memory_default_mb;
    if (!json_is_object(obj)) {
        snprintf(msg, msglen, "the body must be a JSON object");
        return PA_API_BAD_FIELD;
    }
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        if (!strcmp(key, "code")) {
            if (!json_is_string(v)) return bad(msg, msglen, "field '%s' must be a string", key, 0, 0);
            out->code = json_string_value(v);
            out->code_len = json_string_length(v);
        } else if (!strcmp(key, "session_id")) {
            if (json_is_null(v)) continue;
            if (!json_is_string(v) || pa_store_check_id(json_string_value(v)))
                return bad(msg, msglen, "field '%s' must be 1-128 characters of A-Z a-z 0-9 _ - . (not starting with '.')",
                           key, 0, 0);
            out->session_id = json_string_value(v);
        } else if (!strcmp(key, "stdin")) {
            if (json_is_null(v)) continue;
            if (!json_is_string(v)) return bad(msg, msglen, "field '%s' must be a string", key, 0, 0);
            out->stdin_data = json_string_value(v);
            out->stdin_len = json_string_length(v);
        } else if (!strcmp(key, "timeout_seconds")) {
            double t = json_is_number(v) ? json_number_value(v) : NAN;
            if (!(t >= lim->timeout_min_s && t <= lim->timeout_max_s))
                return bad(msg, msglen, "field '%s' must be a number from %g to %g", key, lim->timeout_min_s,
                           lim->timeout_max_s);
            out->timeout_s = t;
        } else if (!strcmp(key, "memory_limit_mb")) {
            json_int_t m = json_is_integer(v) ? json_integer_value(v) : -1;
            if (m < (json_int_t)lim->memory_min_mb || m > (json_int_t)lim->memory_max_mb)
                return bad(msg, msglen, "field '%s' must be a whole number from %g to %g", key, lim->memory_min_mb,
                           lim->memory_max_mb);
            out->memory_mb = (uint32_t)m;
        } else {
            snprintf(msg, msglen, "unknown field '%s' (known: code, session_id, stdin, timeout_seconds, memory_limit_mb)",
                     key);
            return PA_API_BAD_FIELD;
        }
    }
    if (!out->code) {
        snprintf(msg, msglen, "field 'code' is required");
        return PA_API_BAD_FIELD;
    }
    return PA_API_OK;
}

pa_api_err pa_api_parse_tool(json_t *obj, const pa_api_limits *lim, pa_api_exec *out, char *msg, size_t msglen) {
    json_t *tool = json_object_get(obj, "tool"), *params = json_object_get(obj, "parameters");
    if (!json_is_object(obj) || !json_is_string(tool)) {
        snprintf(msg, msglen, "field 'tool' is required (a string)");
        return PA_API_BAD_FIELD;
    }
    if (strcmp(json_string_value(tool), "python_executor") != 0) {
        snprintf(msg, msglen, "unknown tool '%.100s'; available tools: python_executor", json_string_value(tool));
        return PA_API_UNKNOWN_TOOL;
    }
    if (json_object_size(obj) != 2 || !params) {
        snprintf(msg, msglen, "the body must be {\"tool\": \"python_executor\", \"parameters\": {...}}");
        return PA_API_BAD_FIELD;
    }
    return pa_api_parse_exec(params, lim, out, msg, msglen);
}

/* ---- /agent/query ---------------------------------------------------------------- */

static char *dup_trimmed(const char *s, size_t n) {
    while (n && isspace((unsigned char)*s)) s++, n--;
    while (n && isspace((unsigned char)s[n - 1])) n--;
    char *d = malloc(n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *pa_api_direct_code(const char *q) {
    const char *p = q;
    while (isspace((unsigned char)*p)) p++;
    static const char prefix[] = "execute python:";
    if (!strncasecmp(p, prefix, sizeof prefix - 1)) {
        p += sizeof prefix - 1;
        /* "Execute Python: ```python ...```" is the fenced form below. */
        if (!strstr(p, "```")) return dup_trimmed(p, strlen(p));
    }
    const char *f = strstr(q, "```python");
    size_t skip = 9;
    if (!f) {
        f = strstr(q, "```py\n");
        skip = 5;
    }
    if (!f) return NULL;
    const char *body = f + skip;
    const char *end = strstr(body, "```");
    return dup_trimmed(body, end ? (size_t)(end - body) : strlen(body));
}
