/*
** worker.c — the serving loop of a sandbox worker (worker.h).
**
** Everything that runs guest code runs on one thread with a 256 MiB stack
** (the translated interpreter recurses on the native stack); the process's
** main thread only confines the process and waits for it.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "worker.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "confine.h"
#include "proto.h"
#include "runtime/pa_runtime.h"
#include "session/session.h"

#define GUEST_STACK ((size_t)256 << 20)

typedef struct worker {
    const pa_worker_opts *o;
    pa_image *img;
    pa_instance *fresh;       /* reset from the image before each fresh run */
    uint32_t fresh_mb;
    int fresh_used;
    pa_sessions *sessions;    /* opened on the first session run */
    const char *sessions_dir; /* as seen from inside the sandbox */
    int out_failed;           /* the supervisor stopped reading */
} worker;

static void on_output(void *ud, int fd, const uint8_t *data, size_t len) {
    worker *w = ud;
    if (w->out_failed) return;
    uint8_t *frame = malloc(len + 1);
    if (!frame) return;
    frame[0] = (uint8_t)fd;
    memcpy(frame + 1, data, len);
    if (pa_frame_write(w->o->fd, PA_FRAME_OUTPUT, frame, len + 1)) w->out_failed = 1;
    free(frame);
}

static void engine_error(pa_result *r, const char *msg) {
    memset(r, 0, sizeof *r);
    r->status = PA_STATUS_KILLED;
    r->exit_code = PA_EXIT_KILLED;
    r->error_type = strdup("EngineError");
    r->error_message = strdup(msg);
    r->error_message_len = r->error_message ? strlen(msg) : 0;
    r->traceback = strdup("");
}

/* A fresh interpreter for this request's memory limit. */
static pa_instance *fresh_instance(worker *w, uint32_t mb, char *err, size_t errlen) {
    if (w->fresh && w->fresh_mb == mb) {
        if (!w->fresh_used) return w->fresh;
        if (pa_instance_reset(w->fresh) == 0) return w->fresh;
    }
    pa_instance_free(w->fresh);
    w->fresh = NULL;
    pa_instance_config cfg = {.memory_mb = mb, .image = w->img};
    if (pa_instance_new(&cfg, &w->fresh, err, errlen)) return NULL;
    w->fresh_mb = mb;
    w->fresh_used = 0;
    return w->fresh;
}

static void serve_one(worker *w, const pa_wire_exec *e) {
    pa_exec_request req = {
        .code = e->code, .code_len = e->code_len,
        .filename = e->filename[0] ? e->filename : NULL,
        .stdin_data = e->stdin_data, .stdin_len = e->stdin_len,
        .timeout_s = e->timeout_ms / 1000.0,
        .output_cap = (size_t)e->output_cap,
        .on_output = on_output, .output_ud = w,
    };
    uint32_t mb = e->memory_mb && e->memory_mb <= w->o->max_memory_mb ? e->memory_mb : w->o->max_memory_mb;
    pa_result res;
    pa_session_outcome out, *op = NULL;
    char err[512];
    memset(&out, 0, sizeof out);
    w->out_failed = 0;
    if (e->session[0]) {
        op = &out;
        if (!w->sessions && w->sessions_dir) {
            /* Budgets inside the worker's RLIMIT_DATA (see below). */
            pa_sessions_config sc = {.dir = w->sessions_dir, .image = w->img, .supervised = true,
                                     .limits = {.memory_mb = w->o->max_memory_mb}, .max_live = 64,
                                     .max_live_bytes = (uint64_t)w->o->max_memory_mb << 22};
            if (pa_sessions_open(&sc, &w->sessions, err, sizeof err)) w->sessions = NULL;
        }
        int code;
        if (!w->sessions) engine_error(&res, "sessions are not available in this worker");
        else if (pa_sessions_exec(w->sessions, e->session, &req, &res, &out, &code, err, sizeof err))
            engine_error(&res, err);
    } else {
        pa_instance *in = fresh_instance(w, mb, err, sizeof err);
        if (!in) {
            engine_error(&res, err);
        } else {
            pa_instance_exec(in, &req, &res);
            w->fresh_used = 1;
        }
    }
    pa_buf b = {0};
    pa_wire_result_encode(&b, &res, op);
    if (b.oom || pa_frame_write(w->o->fd, PA_FRAME_RESULT, b.p, b.len)) _exit(1);
    pa_buf_free(&b);
    pa_result_free(&res);
}

static void *serve(void *arg) {
    worker *w = arg;
    for (;;) {
        uint32_t type;
        uint8_t *p;
        size_t n;
        if (pa_frame_read(w->o->fd, &type, &p, &n, PA_FRAME_MAX)) _exit(0); /* supervisor gone */
        if (type == PA_FRAME_DROP) {
            char id[PA_SESSION_ID_MAX + 1];
            int32_t rc = -EINVAL;
            if (n <= PA_SESSION_ID_MAX) {
                memcpy(id, p, n);
                id[n] = 0;
                if (!w->sessions && w->sessions_dir) { /* nothing live: just its file */
                    rc = pa_store_check_id(id) ? -EINVAL : pa_store_remove(w->sessions_dir, id);
                } else if (w->sessions) {
                    rc = pa_sessions_drop(w->sessions, id);
                }
            }
            free(p);
            uint8_t out[4] = {(uint8_t)rc, (uint8_t)((uint32_t)rc >> 8), (uint8_t)((uint32_t)rc >> 16),
                              (uint8_t)((uint32_t)rc >> 24)};
            if (pa_frame_write(w->o->fd, PA_FRAME_DROPPED, out, 4)) _exit(1);
            continue;
        }
        pa_wire_exec e;
        if (type != PA_FRAME_EXEC || pa_wire_exec_decode(p, n, &e)) _exit(2);
        serve_one(w, &e);
        free((char *)e.session);
        free((char *)e.filename);
        free(p);
        /* Get the next fresh interpreter ready now, off the critical path. */
        if (w->fresh && w->fresh_used && pa_instance_reset(w->fresh) == 0) w->fresh_used = 0;
    }
    return NULL;
}

int pa_worker_serve(const pa_worker_opts *o) {
    worker w = {.o = o};
    char err[512];
    if (pa_image_open(o->image_path, &w.img, err, sizeof err)) {
        fprintf(stderr, "polyagent worker: %s\n", err);
        _exit(3);
    }
    int keep[3] = {o->fd, pa_image_fd(w.img), -1};
    pa_confine_opts co = {
        .state_dir = o->sessions_dir,
        .keep_fds = keep, .nkeep = 2,
        .spawned_layers = o->spawned_layers,
        .ids_mapped = true, /* by the supervisor's child, before exec */
#if !defined(__SANITIZE_ADDRESS__)
        /* One fresh interpreter and the live sessions' memory, each under
        ** its limit; address space for their 8 GiB reservations. */
        .data_bytes = ((uint64_t)o->max_memory_mb * 8 + 1024) << 20,
        .as_bytes = (uint64_t)1 << 46,
#endif
        .file_bytes = ((uint64_t)o->max_memory_mb + 128) << 20,
    };
    keep[2] = pa_runtime_preopen();
    co.nkeep = keep[2] >= 0 ? 3 : 2;
    unsigned layers = 0;
    if (pa_confine(&co, &layers, err, sizeof err)) {
        fprintf(stderr, "polyagent worker: %s\n", err);
        _exit(4);
    }
    w.sessions_dir = !o->sessions_dir ? NULL : (layers & PA_LAYER_EMPTY_ROOT) ? "/state" : o->sessions_dir;
    uint8_t hello[4] = {(uint8_t)layers, (uint8_t)(layers >> 8), (uint8_t)(layers >> 16), (uint8_t)(layers >> 24)};
    if (pa_frame_write(o->fd, PA_FRAME_HELLO, hello, 4)) _exit(5);

    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, GUEST_STACK);
    pthread_attr_setguardsize(&attr, (size_t)1 << 20);
    if (pthread_create(&th, &attr, serve, &w)) _exit(6);
    pthread_join(th, NULL);
    _exit(0);
}
