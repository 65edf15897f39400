/*
** backend.c — base image, locked session directory and worker pool for a
** front end (backend.h).
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "backend.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "api.h"
#include "cli/result_json.h"
#include "runtime/pa_runtime.h"
#include "session/base.h"
#include "session/store.h"

int pa_backend_open(const char *state_dir, unsigned workers, uint32_t max_memory_mb, pa_backend *be,
                    char *err, size_t errlen) {
    memset(be, 0, sizeof *be);
    be->lock_fd = -1;
    char image_path[4300], exe[PATH_MAX], link[64];
    pa_image *img = NULL;
    if (pa_base_image_open(state_dir, &img, err, errlen)) return -1;
    /* Workers open the image by its path: ask the kernel which file it is. */
    snprintf(link, sizeof link, "/proc/self/fd/%d", pa_image_fd(img));
    ssize_t n = readlink(link, image_path, sizeof image_path - 1);
    image_path[n > 0 ? n : 0] = 0;
    pa_image_close(img);
    snprintf(be->sessions, sizeof be->sessions, "%s/sessions", state_dir);
    int rc = pa_store_mkdirs(be->sessions);
    ssize_t m = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (rc || n <= 0 || m <= 0) {
        snprintf(err, errlen, "cannot prepare %s: %s", be->sessions, strerror(rc ? -rc : errno));
        return -1;
    }
    exe[m] = 0;
    /* This process owns the directory's sessions: no CLI run may change
    ** them under its workers (the CLI takes this lock shared). */
    char lock[4300];
    snprintf(lock, sizeof lock, "%s/.lock", be->sessions);
    be->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (be->lock_fd < 0 || flock(be->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        snprintf(err, errlen, "%s is in use by another process", be->sessions);
        pa_backend_close(be);
        return -1;
    }
    pa_pool_config pc = {.workers = workers, .exe = exe, .image_path = image_path,
                         .sessions_dir = be->sessions, .max_memory_mb = max_memory_mb};
    if (pa_pool_open(&pc, &be->pool, err, errlen)) {
        pa_backend_close(be);
        return -1;
    }
    return 0;
}

json_t *pa_backend_run(pa_backend *be, const pa_api_exec *e, pa_output_fn on_output, void *ud,
                       void (*seen)(const pa_result *r)) {
    pa_pool_request q = {
        .session = e->session_id, .code = e->code, .code_len = e->code_len,
        .stdin_data = (const uint8_t *)e->stdin_data, .stdin_len = e->stdin_len,
        .timeout_s = e->timeout_s, .memory_mb = e->memory_mb,
        .on_output = on_output, .output_ud = ud,
    };
    pa_result r;
    pa_session_outcome o;
    bool has_session;
    pa_pool_exec(be->pool, &q, &r, &o, &has_session);
    if (seen) seen(&r);
    json_t *j = pa_result_json(&r);
    if (j) {
        json_object_set_new(j, "session_id", e->session_id ? json_string(e->session_id) : json_null());
        if (has_session) json_object_set_new(j, "session", pa_session_outcome_json(&o));
    }
    pa_result_free(&r);
    return j;
}

void pa_backend_close(pa_backend *be) {
    pa_pool_close(be->pool);
    be->pool = NULL;
    if (be->lock_fd >= 0) close(be->lock_fd);
    be->lock_fd = -1;
}
