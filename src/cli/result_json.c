/*
** result_json.c — encoding a pa_result as JSON (see result_json.h).
**
** One rule: build the whole object or nothing.  Every jansson constructor
** can fail under memory pressure, and json_object_set_new(o, k, NULL)
** silently leaves the key out, which would print a result with a missing
** field.  So each value is checked, and any failure drops the object and
** returns NULL; the CLI then reports an engine failure instead of a
** malformed result.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "result_json.h"
#include "utf8.h"

/* A JSON string holding s[0..n) made valid UTF-8; NUL bytes are kept.
** s may be NULL (then ""). */
static json_t *text(const char *s, size_t n) {
    size_t len;
    char *clean = pa_utf8_sanitize(s ? s : "", s ? n : 0, &len);
    if (!clean) return NULL;
    json_t *j = json_stringn(clean, len); /* checks UTF-8 again: NULL if not */
    free(clean);
    return j;
}

json_t *pa_json_text(const char *s, size_t n) { return text(s, n); }

/* Steals v; 0, or -1 (v released) if v is NULL or the insertion failed. */
static int put(json_t *o, const char *key, json_t *v) {
    return v && json_object_set_new_nocheck(o, key, v) == 0 ? 0 : -1;
}

json_t *pa_result_json(const pa_result *r) {
    json_t *o = json_object(), *e = NULL;
    if (!o) return NULL;
    double ms = r->duration_ms;
    if (!isfinite(ms) || ms < 0) ms = 0; /* json_real refuses NaN and inf */
    if (put(o, "status", json_string(pa_status_name(r->status))) ||
        put(o, "exit_code", json_integer(r->exit_code)) ||
        put(o, "stdout", text(r->out.data, r->out.len)) ||
        put(o, "stderr", text(r->err.data, r->err.len)) ||
        put(o, "stdout_truncated", json_boolean(r->out.truncated)) ||
        put(o, "stderr_truncated", json_boolean(r->err.truncated)))
        goto fail;
    if (r->status == PA_STATUS_OK) {
        if (put(o, "error", json_null())) goto fail;
    } else {
        /* error_type has no length: it is a Python class name, cut at NUL. */
        const char *t = r->error_type ? r->error_type : "Error";
        if (!(e = json_object()) ||
            put(e, "type", text(t, strlen(t))) ||
            put(e, "message", text(r->error_message, r->error_message_len)) ||
            put(e, "traceback", text(r->traceback, r->traceback_len)))
            goto fail;
        int rc = put(o, "error", e);
        e = NULL; /* put released or kept it */
        if (rc) goto fail;
    }
    if (put(o, "duration_ms", json_real(ms))) goto fail;
    return o;
fail:
    json_decref(e);
    json_decref(o);
    return NULL;
}

char *pa_result_json_dumps(const pa_result *r) {
    json_t *o = pa_result_json(r);
    if (!o) return NULL;
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

json_t *pa_session_outcome_json(const pa_session_outcome *so) {
    static const char *origins[] = {"created", "resumed", "restored"};
    json_t *j = json_object();
    if (!j) return NULL;
    int bad = put(j, "origin", json_string(origins[so->origin <= PA_SESSION_RESTORED ? so->origin : 0])) ||
              put(j, "rolled_back", json_boolean(so->rolled_back)) ||
              put(j, "saved", json_boolean(so->saved)) ||
              put(j, "calls", json_integer((json_int_t)(so->calls > INT64_MAX ? INT64_MAX : so->calls)));
    if (!bad && !so->saved && !so->rolled_back)
        bad = put(j, "save_error", text(so->save_error, strnlen(so->save_error, sizeof so->save_error)));
    if (bad) {
        json_decref(j);
        return NULL;
    }
    return j;
}
