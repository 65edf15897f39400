/*
** result.c — pa_result helpers with no dependency on the interpreter, so
** that a process that only supervises workers (src/sandbox/pool.c) can
** handle results without linking the engine.
*/
#include <stdlib.h>
#include <string.h>

#include "pa_runtime.h"

const char *pa_status_name(pa_status s) {
    switch (s) {
    case PA_STATUS_OK: return "ok";
    case PA_STATUS_ERROR: return "error";
    case PA_STATUS_TIMEOUT: return "timeout";
    case PA_STATUS_MEMORY_LIMIT: return "memory_limit";
    case PA_STATUS_KILLED: return "killed";
    }
    return "killed";
}

void pa_result_free(pa_result *res) {
    free(res->out.data);
    free(res->err.data);
    free(res->error_type);
    free(res->error_message);
    free(res->traceback);
    memset(res, 0, sizeof *res);
}
