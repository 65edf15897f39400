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
typedef struct pa_image pa_image;

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

/* A read-only file or directory shown to the guest (e.g. a host tree the
** operator mounted); data is borrowed and must outlive the instance. */
typedef struct pa_ro_entry {
    char *path;               /* absolute guest path */
    uint8_t *data;            /* contents; NULL for a directory */
    size_t len;
    int is_dir;
} pa_ro_entry;

typedef struct pa_instance_config {
    uint32_t memory_mb;       /* linear memory cap; 0 = 256 */
    uint64_t tmp_max_bytes;   /* /tmp quota; 0 = WASI default */
    uint32_t tmp_max_files;   /* 0 = WASI default */
    pa_image *image;          /* start from this snapshot (borrowed; must
                              ** outlive the instance); NULL = initialise */
    const pa_ro_entry *ro;    /* extra read-only tree, added in this order */
    size_t nro;               /* (sessions need the same tree each time) */
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
/* false once a trap, timeout or proc_exit has torn the interpreter. */
bool pa_instance_alive(const pa_instance *in);

/* ---- snapshots ------------------------------------------------------------
**
** An image is an interpreter frozen right after start-up and `prepare` (the
** pre-imports): its linear memory, globals and WASI state, in one file.
** Instances created from it map its memory copy-on-write: they start in
** microseconds and share every page they do not write.  Each image has a
** random id; session state saved against an image loads only into
** instances of that same image.
*/

/* Build an image: start an interpreter, run `prepare` (Python source, in a
** private namespace), freeze, and write it to `path` atomically.  If another
** process created `path` first, its image is kept (ours is discarded), so
** concurrent builders agree on one image.  0, or -1 with a message in err. */
int pa_image_build(const char *path, const char *prepare, char *err, size_t errlen);

/* Map an image file.  0, or -1 with a message in err (missing, truncated,
** built by a different guest).  The image is shared by every instance
** created from it, on any thread; close it after the last of them. */
int pa_image_open(const char *path, pa_image **out, char *err, size_t errlen);
void pa_image_close(pa_image *img);
/* 16 random bytes that name this image. */
const uint8_t *pa_image_id(const pa_image *img);
/* The image's open file (a sandbox entered later must keep it open). */
int pa_image_fd(const pa_image *img);

/* Open what the runtime reads from /proc (the pagemap that makes resets
** and saves cheap) before entering a sandbox that hides /proc.  Returns the
** fd to keep open, or -1 if unavailable (the runtime then falls back to
** slower paths, with the same results). */
int pa_runtime_preopen(void);

/* The image an instance was created from, or NULL. */
const pa_image *pa_instance_image(const pa_instance *in);
/* Identity of the guest this binary runs (hex; part of image file names). */
const char *pa_guest_build_id(void);

/* Back to the image's state: everything earlier runs did is gone (memory,
** /tmp, fds) and generators are reseeded.  Only pages the runs touched cost
** anything.  Revives a dead instance.  0, or -1 (no image, or the reset
** failed: the instance is then dead). */
int pa_instance_reset(pa_instance *in);

/* Session state as a byte stream: what an instance holds beyond its image
** (memory pages that differ, globals, WASI state).  The writer returns 0 or
** -1 (stops the save); the reader fills exactly len bytes and returns 0, or
** -1 at end of data or on error. */
typedef int (*pa_write_fn)(void *ud, const void *data, size_t len);
typedef int (*pa_read_fn)(void *ud, void *buf, size_t len);
/* 0, or -1 with err set.  A dead instance cannot be saved. */
int pa_instance_save(pa_instance *in, pa_write_fn write, void *ud, char *err, size_t errlen);
/* Load into an instance freshly created (or reset) from the same image.
** The stream is hostile: it is validated, and on any failure the instance
** is reset to its image and stays usable.  Returns 0, or with err set:
** -EINVAL malformed, -ESTALE saved against another image, -E2BIG needs more
** memory than the instance's limit, -EDQUOT its /tmp exceeds the quota,
** -ENOMEM host out of memory. */
int pa_instance_load(pa_instance *in, pa_read_fn read, void *ud, char *err, size_t errlen);

/* Bytes of guest memory the instance owns privately (copied on write or
** grown), i.e. what it adds to the process's resident memory beyond the
** shared image; 0 if the kernel does not say (no /proc). */
uint64_t pa_instance_private_bytes(pa_instance *in);
/* Current linear memory size in bytes. */
uint64_t pa_instance_memory_bytes(pa_instance *in);

/* "ok", "error", "timeout", "memory_limit", "killed". */
const char *pa_status_name(pa_status s);

#endif
