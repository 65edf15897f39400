/*
** pa_runtime.h — the engine's public C API: a CPython interpreter in a wasm
** sandbox, as an opaque instance.
**
**   pa_instance *in;  char err[256];
**   if (pa_instance_new(&cfg, &in, err, sizeof err)) ... // err says why
**   pa_result r;
**   pa_instance_exec(in, &req, &r);   // r owns its buffers
**   pa_result_free(&r);
**   pa_instance_free(in);
**
** Threads: an instance is used by one thread at a time; different instances
** run on different threads in parallel.  The calling thread's stack is what
** the translated guest code runs on: give it a large one (the CLI uses
** 256 MiB, mostly never touched); overflowing it is a trap, not a crash.
** After a timeout, trap or proc_exit the instance is dead: every later exec
** answers PA_STATUS_KILLED without running anything.
*/
#ifndef PA_RUNTIME_H
#define PA_RUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pa_instance pa_instance;

typedef enum pa_status {
    PA_STATUS_OK = 0,       /* ran to the end, exit code 0 */
    PA_STATUS_ERROR,        /* uncaught exception, SyntaxError, sys.exit(n != 0) */
    PA_STATUS_TIMEOUT,      /* wall-clock deadline reached */
    PA_STATUS_MEMORY_LIMIT, /* uncaught MemoryError under the memory cap */
    PA_STATUS_KILLED,       /* trap: the instance is dead */
} pa_status;

/* Exit codes of the CLI and of pa_result.exit_code for sandbox outcomes. */
#define PA_EXIT_TIMEOUT 124
#define PA_EXIT_MEMORY 125
#define PA_EXIT_KILLED 126

typedef struct pa_instance_config {
    uint32_t memory_mb;       /* linear memory cap; 0 = 256 */
    uint64_t tmp_max_bytes;   /* /tmp quota; 0 = WASI default */
    uint32_t tmp_max_files;   /* 0 = WASI default */
} pa_instance_config;

/* Called with output as the guest produces it (fd 1 or 2), before capping. */
typedef void (*pa_output_fn)(void *ud, int fd, const uint8_t *data, size_t len);

typedef struct pa_exec_request {
    const char *code; size_t code_len;     /* UTF-8 source */
    const char *filename;                  /* "<string>" if NULL */
    const uint8_t *stdin_data; size_t stdin_len;
    double timeout_s;                      /* 0 = no deadline */
    size_t output_cap;                     /* per stream; 0 = 1 MiB */
    pa_output_fn on_output; void *output_ud; /* optional streaming */
} pa_exec_request;

typedef struct pa_buffer {
    char *data; size_t len;
    bool truncated;
} pa_buffer;

typedef struct pa_result {
    pa_status status;
    int exit_code;
    pa_buffer out, err;             /* captured stdout/stderr, capped */
    char *error_type;               /* NULL when status is OK */
    char *error_message;            /* NUL-terminated, but may contain NULs: */
    char *traceback;                /* use the lengths below */
    size_t error_message_len, traceback_len;
    double duration_ms;
} pa_result;

/* Create an interpreter (CPython initialised, stdlib mounted).  0 on success;
** otherwise -1 with a message in err. *out is owned by the caller. */
int pa_instance_new(const pa_instance_config *cfg, pa_instance **out, char *err, size_t errlen);

/* Run code in the instance's persistent __main__.  Always fills *res (which
** the caller frees with pa_result_free); returns 0, or -1 if *res could not
** be allocated at all (then res->status is KILLED with no buffers). */
int pa_instance_exec(pa_instance *in, const pa_exec_request *req, pa_result *res);

void pa_result_free(pa_result *res);
void pa_instance_free(pa_instance *in);

/* "ok", "error", "timeout", "memory_limit", "killed". */
const char *pa_status_name(pa_status s);

#endif
