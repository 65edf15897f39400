/*
** proto.h — the wire between a supervisor and its worker processes.
**
** A stream socket carries frames: u32 type, u32 length, payload (all
** little-endian).  The supervisor sends one EXEC frame per run; the worker
** answers with any number of OUTPUT frames (stdout/stderr as produced: this
** is what streaming rides on) and one RESULT frame.  The supervisor treats
** every byte from a worker as hostile — a worker runs guest code — so every
** decoder checks every length against what is left and against caps.
*/
#ifndef PA_SANDBOX_PROTO_H
#define PA_SANDBOX_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/pa_runtime.h"
#include "session/session.h"

/* HELLO (worker -> supervisor, once, after confinement): u32 layers. */
/* DROP (supervisor -> worker): a session id; DROPPED: i32 result (0 or
** -errno) of deleting it. */
enum { PA_FRAME_EXEC = 1, PA_FRAME_OUTPUT = 2, PA_FRAME_RESULT = 3, PA_FRAME_HELLO = 4,
       PA_FRAME_DROP = 5, PA_FRAME_DROPPED = 6 };

#define PA_FRAME_MAX ((uint32_t)96 << 20) /* code 16 MiB + stdin 64 MiB + slack */

typedef struct pa_wire_exec {
    const char *session;       /* NULL or "" = fresh */
    const char *code; size_t code_len;
    const char *filename;
    const uint8_t *stdin_data; size_t stdin_len;
    uint32_t timeout_ms, memory_mb;
    uint64_t output_cap;
} pa_wire_exec;

/* Growable byte buffer for encoding. */
typedef struct pa_buf { uint8_t *p; size_t len, cap; bool oom; } pa_buf;
void pa_buf_free(pa_buf *b);

/* Write/read one whole frame; 0 or -1 (EOF, error, or a frame over max). */
int pa_frame_write(int fd, uint32_t type, const void *payload, size_t len);
int pa_frame_read(int fd, uint32_t *type, uint8_t **payload, size_t *len, uint32_t max);

/* EXEC: encode into b; decode points into the payload (valid while it is). */
void pa_wire_exec_encode(pa_buf *b, const pa_wire_exec *e);
int pa_wire_exec_decode(const uint8_t *p, size_t n, pa_wire_exec *e);

/* RESULT: everything of pa_result but the output (sent as OUTPUT frames),
** and the session outcome (o may be NULL for a fresh run).  Decoding
** allocates the strings of *r; *has_session says whether o was sent. */
void pa_wire_result_encode(pa_buf *b, const pa_result *r, const pa_session_outcome *o);
int pa_wire_result_decode(const uint8_t *p, size_t n, pa_result *r, pa_session_outcome *o, bool *has_session);

#endif
