/*
** result_json.h — the outcome of a run (pa_result) as the JSON object that
** `polyagent run --json` prints:
**
**   {"status": "ok"|"error"|"timeout"|"memory_limit"|"killed",
**    "exit_code": int, "stdout": str, "stderr": str,
**    "stdout_truncated": bool, "stderr_truncated": bool,
**    "error": null | {"type": str, "message": str, "traceback": str},
**    "duration_ms": number >= 0}
**
** Every string comes from the guest, so it is hostile bytes: it is made
** valid UTF-8 (pa_utf8_sanitize: U+FFFD per maximal invalid subpart) and
** taken by length, so NUL bytes survive (as \u0000).  `error` is null
** exactly when status is ok.  A NaN, infinite or negative duration is
** reported as 0.  Keys come out in the order above.
*/
#ifndef PA_CLI_RESULT_JSON_H
#define PA_CLI_RESULT_JSON_H

#include <jansson.h>

#include "runtime/pa_runtime.h"
#include "session/session.h"

/* A new JSON object (one reference, owned by the caller, who may add keys
** such as "session" before dumping it).  NULL on out of memory. */
json_t *pa_result_json(const pa_result *r);

/* A JSON string of s[0..n) made valid UTF-8, NULs kept (guest bytes). */
json_t *pa_json_text(const char *s, size_t n);

/* A session call's outcome: {"origin": "created"|"resumed"|"restored",
** "rolled_back", "saved", "calls"[, "save_error"]}.  NULL on out of memory. */
json_t *pa_session_outcome_json(const pa_session_outcome *o);

/* The same object as compact JSON text, NUL-terminated, without a trailing
** newline; malloc'd, the caller frees it.  NULL on out of memory. */
char *pa_result_json_dumps(const pa_result *r);

#endif
