/*
** http.c — the service: libmicrohttpd callbacks, routing, the runs, the
** metrics, and an orderly shutdown (server.h).
**
** Callbacks stay thin: collect the body (bounded), check method, auth and
** Content-Type, then hand a parsed request to one function per route.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "agent/agent.h"
#include "api.h"
#include "backend.h"
#include "base64.h"
#include "mcp.h"
#include "netlib.h"
#include "cli/result_json.h"
#include "runtime/pa_runtime.h"
#include "sandbox/confine.h"
#include "sandbox/pool.h"
#include "session/base.h"
#include "session/store.h"

/* ---- service state ------------------------------------------------------------------- */

static const double hist_bounds_ms[] = {1, 5, 10, 50, 100, 500, 1000, 5000, 30000, 60000};
#define NHIST (sizeof hist_bounds_ms / sizeof hist_bounds_ms[0])

typedef struct service {
    pa_server_config cfg;
    pa_api_limits lim;
    pa_backend be;             /* image, locked session dir, worker pool */
    pa_pool *pool;             /* be.pool */
    char sessions[4200];       /* session files */
    atomic_int in_flight;      /* requests being handled */
    atomic_int running;        /* runs admitted (running or queued) */
    atomic_int agents;         /* agent queries in progress */
    atomic_bool stopping;
    atomic_ulong by_status[PA_STATUS_KILLED + 1];
    atomic_ulong hist[NHIST + 1];
    atomic_ulong http_errors;
    _Atomic double duration_sum_ms;
} service;

static service S;

typedef struct request {
    char *body;
    size_t len;
    int too_large;
    double t0;                 /* for the log line */
    char method[8], path[96];
} request;

/* The status of the response queued on this connection's thread (thread
** per connection: the request's completion runs on the same thread). */
static _Thread_local unsigned t_status;

static void log_copy(char *dst, size_t n, const char *src) {
    size_t k = 0;
    for (; *src && k + 1 < n; src++)
        dst[k++] = (*src >= 0x21 && *src < 0x7f && *src != '"' && *src != '\\') ? *src : '?';
    dst[k] = 0;
}

static double mono_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- responses -------------------------------------------------------------------------- */

static enum MHD_Result send_text(struct MHD_Connection *c, unsigned status, char *body, const char *type) {
    if (!body) {
        status = 500;
        body = strdup("{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}");
        if (!body) return MHD_NO;
    }
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", type);
    t_status = status;
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, pa_api_err e, const char *msg) {
    atomic_fetch_add(&S.http_errors, 1);
    return send_text(c, pa_api_status(e), pa_api_error_body(e, msg), "application/json");
}

static enum MHD_Result send_json(struct MHD_Connection *c, json_t *o) {
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return send_text(c, 200, s, "application/json");
}

/* ---- runs ----------------------------------------------------------------------------------- */

static void record(const pa_result *r) {
    unsigned st = r->status <= PA_STATUS_KILLED ? r->status : PA_STATUS_KILLED;
    atomic_fetch_add(&S.by_status[st], 1);
    size_t b = 0;
    while (b < NHIST && r->duration_ms > hist_bounds_ms[b]) b++;
    atomic_fetch_add(&S.hist[b], 1);
    double old = atomic_load(&S.duration_sum_ms);
    while (!atomic_compare_exchange_weak(&S.duration_sum_ms, &old, old + r->duration_ms)) {}
}

/* A place among the runs (running or queued), or false: 429. */
static bool admit(void) {
    if (atomic_fetch_add(&S.running, 1) < (int)S.cfg.workers + S.cfg.queue_max) return true;
    atomic_fetch_sub(&S.running, 1);
    return false;
}

/* Run an admitted request on the pool and give its place back: the result
** object (with session fields), or NULL (out of memory).  Output goes to
** on_output as it is produced. */
static json_t *run_admitted(const pa_api_exec *e, pa_output_fn on_output, void *ud) {
    json_t *j = pa_backend_run(&S.be, e, on_output, ud, record);
    atomic_fetch_sub(&S.running, 1);
    return j;
}

static json_t *execute(const pa_api_exec *e, pa_api_err *err) {
    if (!admit()) {
        *err = PA_API_BUSY;
        return NULL;
    }
    json_t *j = run_admitted(e, NULL, NULL);
    if (!j) *err = PA_API_INTERNAL;
    return j;
}

/* ---- streaming (Server-Sent Events) ------------------------------------------------------------
**
** The run goes on a thread of its own; its output is turned into events as
** it is produced ("stdout"/"stderr", data a JSON string, so any byte is
** safe) and the final "result" event carries the whole result object.
** libmicrohttpd pulls the events through reader() on the connection's
** thread, which waits for more when it has caught up. */

typedef struct stream {
    pthread_mutex_t lock;
    pthread_cond_t more;
    char *buf;
    size_t len, cap, sent;
    bool done;
    pthread_t th;
    pa_api_exec e;
    json_t *body;              /* owns the strings e points into */
    pa_agent_config agent;     /* an agent query (agent.url set) */
} stream;

/* Events not yet sent are bounded (a reader that does not read must not
** make us buffer without end); the closing events always get in. */
#define STREAM_BACKLOG_MAX ((size_t)64 << 20)

static void stream_put(stream *st, const char *event, const char *data) {
    pthread_mutex_lock(&st->lock);
    if (st->sent == st->len) st->sent = st->len = 0; /* all sent: start over */
    /* "event: " + "\ndata: " + "\n\n" is 16 bytes, and snprintf's NUL one more. */
    size_t need = strlen(event) + strlen(data) + 17;
    bool closing = !strcmp(event, "result") || !strcmp(event, "answer") || !strcmp(event, "error");
    if (closing || st->len - st->sent + need <= STREAM_BACKLOG_MAX) {
        if (st->len + need > st->cap) {
            size_t c = st->cap ? st->cap : 4096;
            while (c < st->len + need) c *= 2;
            char *b = realloc(st->buf, c);
            if (b) {
                st->buf = b;
                st->cap = c;
            }
        }
        if (st->len + need <= st->cap)
            st->len += (size_t)snprintf(st->buf + st->len, st->cap - st->len, "event: %s\ndata: %s\n\n", event, data);
    }
    pthread_cond_broadcast(&st->more);
    pthread_mutex_unlock(&st->lock);
}

static void stream_output(void *ud, int fd, const uint8_t *data, size_t len) {
    json_t *s = pa_json_text((const char *)data, len);
    char *text = s ? json_dumps(s, JSON_ENCODE_ANY) : NULL;
    if (text) stream_put(ud, fd == 2 ? "stderr" : "stdout", text);
    free(text);
    json_decref(s);
}

static void *stream_main(void *arg) {
    stream *st = arg;
    json_t *res = run_admitted(&st->e, stream_output, st); /* gives its place back */
    char *text = res ? json_dumps(res, JSON_COMPACT) : NULL;
    json_decref(res);
    stream_put(st, "result", text ? text : "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}");
    free(text);
    pthread_mutex_lock(&st->lock);
    st->done = true;
    pthread_cond_broadcast(&st->more);
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max) {
    (void)pos;
    stream *st = cls;
    pthread_mutex_lock(&st->lock);
    while (st->sent == st->len && !st->done) pthread_cond_wait(&st->more, &st->lock);
    ssize_t n;
    if (st->sent == st->len) {
        n = MHD_CONTENT_READER_END_OF_STREAM;
    } else {
        size_t k = st->len - st->sent < max ? st->len - st->sent : max;
        memcpy(buf, st->buf + st->sent, k);
        st->sent += k;
        n = (ssize_t)k;
    }
    pthread_mutex_unlock(&st->lock);
    return n;
}

static void stream_free(void *cls) {
    stream *st = cls;
    pthread_join(st->th, NULL); /* the run finishes even if the client left */
    free(st->buf);
    json_decref(st->body);
    pthread_mutex_destroy(&st->lock);
    pthread_cond_destroy(&st->more);
    free(st);
}

/* ---- agent queries, streamed: model steps, tool calls, their output live,
** their results, and the final answer. */

static json_t *agent_stream_exec(void *ud, const pa_api_exec *e, pa_api_err *err) {
    if (!admit()) {
        *err = PA_API_BUSY;
        return NULL;
    }
    json_t *j = run_admitted(e, stream_output, ud);
    if (!j) *err = PA_API_INTERNAL;
    return j;
}

static void agent_stream_event(void *ud, const char *event, json_t *data) {
    char *s = json_dumps(data, JSON_COMPACT);
    if (s) stream_put(ud, event, s);
    free(s);
}

static void *agent_stream_main(void *arg) {
    stream *st = arg;
    json_t *q = json_object_get(st->body, "query"), *sid = json_object_get(st->body, "session_id");
    char why[512];
    json_t *ans = pa_agent_answer(&st->agent, json_string_value(q), json_is_string(sid) ? json_string_value(sid) : NULL,
                                  &S.lim, agent_stream_exec, st, agent_stream_event, why, sizeof why);
    char *text = ans ? json_dumps(ans, JSON_COMPACT) : pa_api_error_body(PA_API_BAD_GATEWAY, why);
    stream_put(st, ans ? "answer" : "error", text ? text : "{}");
    free(text);
    json_decref(ans);
    atomic_fetch_sub(&S.agents, 1);
    pthread_mutex_lock(&st->lock);
    st->done = true;
    pthread_cond_broadcast(&st->more);
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

static enum MHD_Result start_stream_common(struct MHD_Connection *c, stream *st, void *(*fn)(void *));

static enum MHD_Result start_agent_stream(struct MHD_Connection *c, const pa_agent_config *ac, json_t *body) {
    stream *st = calloc(1, sizeof *st);
    if (!st) {
        atomic_fetch_sub(&S.agents, 1);
        return send_error(c, PA_API_INTERNAL, "out of memory");
    }
    st->agent = *ac;
    st->body = json_incref(body);
    return start_stream_common(c, st, agent_stream_main);
}

static enum MHD_Result start_stream(struct MHD_Connection *c, const pa_api_exec *e, json_t *body) {
    if (!admit()) return send_error(c, PA_API_BUSY, "too many runs waiting; retry later");
    stream *st = calloc(1, sizeof *st);
    if (!st) {
        atomic_fetch_sub(&S.running, 1);
        return send_error(c, PA_API_INTERNAL, "out of memory");
    }
    st->e = *e;
    st->body = json_incref(body);
    enum MHD_Result r = start_stream_common(c, st, stream_main);
    return r;
}

/* Start fn on its own thread and answer with the events it produces.  (A
** plain run was admitted by the caller; on failure here its place is given
** back.) */
static enum MHD_Result start_stream_common(struct MHD_Connection *c, stream *st, void *(*fn)(void *)) {
    pthread_mutex_init(&st->lock, NULL);
    pthread_cond_init(&st->more, NULL);
    if (pthread_create(&st->th, NULL, fn, st)) {
        if (fn == stream_main) atomic_fetch_sub(&S.running, 1);
        else atomic_fetch_sub(&S.agents, 1);
        json_decref(st->body);
        pthread_mutex_destroy(&st->lock);
        pthread_cond_destroy(&st->more);
        free(st);
        return send_error(c, PA_API_INTERNAL, "cannot start the run");
    }
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_read, st, stream_free);
    if (!r) {
        stream_free(st);
        return MHD_NO;
    }
    MHD_add_response_header(r, "Content-Type", "text/event-stream");
    MHD_add_response_header(r, "Cache-Control", "no-cache");
    t_status = 200;
    enum MHD_Result ok = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    return ok;
}

/* ---- routes ------------------------------------------------------------------------------------ */

static bool wants_stream(struct MHD_Connection *c) {
    const char *a = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept");
    return a && strstr(a, "text/event-stream");
}

static enum MHD_Result route_execute(struct MHD_Connection *c, json_t *body, int tool) {
    pa_api_exec e;
    char msg[256];
    pa_api_err err = tool ? pa_api_parse_tool(body, &S.lim, &e, msg, sizeof msg)
                          : pa_api_parse_exec(body, &S.lim, &e, msg, sizeof msg);
    if (err) return send_error(c, err, msg);
    if (wants_stream(c)) return start_stream(c, &e, body);
    json_t *res = execute(&e, &err);
    if (!res) return send_error(c, err, err == PA_API_BUSY ? "too many runs waiting; retry later" : "internal error");
    return send_json(c, res);
}

/* Runs for MCP and for the agent: admitted like any other. */
static json_t *mcp_exec(void *ud, const pa_api_exec *e, pa_api_err *err) {
    (void)ud;
    return execute(e, err);
}

static enum MHD_Result route_agent(struct MHD_Connection *c, json_t *body) {
    json_t *q = json_object_get(body, "query"), *mode = json_object_get(body, "mode");
    json_t *sid = json_object_get(body, "session_id");
    if (!json_is_object(body) || !json_is_string(q))
        return send_error(c, PA_API_BAD_FIELD, "field 'query' is required (a string)");
    if (mode && !json_is_null(mode) && !(json_is_string(mode) && !strcmp(json_string_value(mode), "standard")))
        return send_error(c, PA_API_BAD_FIELD, "field 'mode' must be \"standard\" (the only mode there is)");
    if (sid && !json_is_null(sid) && !(json_is_string(sid) && pa_store_check_id(json_string_value(sid)) == 0))
        return send_error(c, PA_API_BAD_FIELD, "field 'session_id' must be 1-128 characters of A-Z a-z 0-9 _ - .");
    char *code = pa_api_direct_code(json_string_value(q));
    if (!code) {
        pa_agent_config ac;
        char why[512];
        if (!pa_agent_from_env(&ac, why, sizeof why)) return send_error(c, PA_API_NOT_IMPLEMENTED, why);
        /* Each query holds a thread and model calls for minutes: as many
        ** at once as runs may wait, no more. */
        if (atomic_fetch_add(&S.agents, 1) >= (int)S.cfg.workers + S.cfg.queue_max) {
            atomic_fetch_sub(&S.agents, 1);
            return send_error(c, PA_API_BUSY, "too many agent queries in progress; retry later");
        }
        ac.stop = &S.stopping;
        if (wants_stream(c)) return start_agent_stream(c, &ac, body); /* gives its place back */
        json_t *ans = pa_agent_answer(&ac, json_string_value(q), json_is_string(sid) ? json_string_value(sid) : NULL,
                                      &S.lim, mcp_exec, NULL, NULL, why, sizeof why);
        atomic_fetch_sub(&S.agents, 1);
        if (!ans) return send_error(c, PA_API_BAD_GATEWAY, why);
        return send_json(c, ans);
    }
    pa_api_exec e = {.code = code, .code_len = strlen(code), .timeout_s = S.lim.timeout_default_s,
                     .memory_mb = S.lim.memory_default_mb,
                     .session_id = json_is_string(sid) ? json_string_value(sid) : NULL};
    pa_api_err err;
    json_t *res = execute(&e, &err);
    if (!res) {
        free(code);
        return send_error(c, err, err == PA_API_BUSY ? "too many runs waiting; retry later" : "internal error");
    }
    const char *out = json_string_value(json_object_get(res, "stdout"));
    json_t *errobj = json_object_get(res, "error");
    json_t *text = json_is_object(errobj) && json_string_length(json_object_get(errobj, "traceback"))
                       ? json_incref(json_object_get(errobj, "traceback"))
                       : json_string(out ? out : "");
    json_t *call = json_pack("{s:s,s:{s:s},s:O}", "tool", "python_executor", "parameters", "code", code, "result", res);
    json_t *reply = json_pack("{s:o,s:[o],s:o,s:s}", "result", text, "tool_calls", call, "execution", res,
                              "answered_by", "code");
    free(code);
    return send_json(c, reply);
}

/* ---- sessions ---------------------------------------------------------------------------------- */

static double ns_to_s(uint64_t ns) { return (double)ns / 1e9; }

static int list_one(void *ud, const char *id, uint64_t bytes, uint64_t mtime) {
    json_array_append_new(ud, json_pack("{s:s,s:I,s:f}", "id", id, "disk_bytes", (json_int_t)bytes,
                                        "last_used", ns_to_s(mtime)));
    return 0;
}

static enum MHD_Result route_sessions(struct MHD_Connection *c, const char *method, const char *id) {
    if (!id) {
        if (strcmp(method, "GET")) return send_error(c, PA_API_METHOD, "use GET");
        json_t *a = json_array();
        if (pa_store_list(S.sessions, list_one, a) < 0) {
            json_decref(a);
            return send_error(c, PA_API_INTERNAL, "cannot list sessions");
        }
        return send_json(c, json_pack("{s:o}", "sessions", a));
    }
    if (pa_store_check_id(id)) return send_error(c, PA_API_NOT_FOUND, "no such session (invalid id)");
    if (!strcmp(method, "DELETE")) {
        int rc = pa_pool_drop(S.pool, id);
        if (rc == -ENOENT) return send_error(c, PA_API_NOT_FOUND, "no such session");
        if (rc) return send_error(c, PA_API_INTERNAL, "the session could not be deleted");
        return send_json(c, json_pack("{s:s,s:b}", "id", id, "deleted", 1));
    }
    if (strcmp(method, "GET")) return send_error(c, PA_API_METHOD, "use GET or DELETE");
    pa_store_meta m;
    uint64_t bytes = 0;
    char err[256];
    int rc = pa_store_stat(S.sessions, id, &m, &bytes, err, sizeof err);
    if (rc == -ENOENT) return send_error(c, PA_API_NOT_FOUND, "no such session");
    if (rc) /* a damaged file is still a session: shown, so it can be deleted */
        return send_json(c, json_pack("{s:s,s:I,s:s}", "id", id, "disk_bytes", (json_int_t)bytes, "error", err));
    return send_json(c, json_pack("{s:s,s:I,s:f,s:f,s:I}", "id", id, "disk_bytes", (json_int_t)bytes, "created",
                                  ns_to_s(m.created_ns), "last_used", ns_to_s(m.last_used_ns), "calls",
                                  (json_int_t)m.calls));
}

/* ---- session files --------------------------------------------------------------------------------
**
** Files in a session's /tmp are read and written by code run in that
** session, so every byte goes through the sandbox and its quotas like any
** program's.  The code binds no names in the session's globals (all inside
** one expression), and paths are checked here to a plain set of characters
** before they are put into it. */

static int file_path_ok(const char *p) {
    size_t n = strlen(p);
    if (n == 0 || n > 1024 || p[0] == '/' || p[n - 1] == '/') return 0;
    for (const char *c = p; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '.' ||
              *c == '_' || *c == '-' || *c == '/'))
            return 0;
    for (const char *c = p; c; c = strchr(c, '/') ? strchr(c, '/') + 1 : NULL) {
        size_t k = strcspn(c, "/");
        if (k == 0 || k > 255 || (k == 1 && c[0] == '.') || (k == 2 && c[0] == '.' && c[1] == '.')) return 0;
    }
    return 1;
}

static enum MHD_Result route_files(struct MHD_Connection *c, const char *method, const char *id, const char *path,
                                   const char *body, size_t len) {
    if (pa_store_check_id(id)) return send_error(c, PA_API_NOT_FOUND, "no such session (invalid id)");
    char code[1600];
    if (!path) {
        if (strcmp(method, "GET")) return send_error(c, PA_API_METHOD, "use GET");
        snprintf(code, sizeof code,
                 "(lambda os, json: print(json.dumps(sorted([os.path.relpath(os.path.join(d, f), '/tmp'), "
                 "os.path.getsize(os.path.join(d, f))] for d, _, fs in os.walk('/tmp') for f in fs))))"
                 "(__import__('os'), __import__('json'))");
    } else {
        if (!file_path_ok(path))
            return send_error(c, PA_API_BAD_FIELD, "file paths are relative to /tmp, made of A-Z a-z 0-9 . _ - /, "
                                                   "without . or .. components");
        if (!strcmp(method, "PUT"))
            snprintf(code, sizeof code,
                     "(lambda os, sys, p: (os.makedirs(os.path.dirname(p), exist_ok=True), "
                     "open(p, 'wb').write(sys.stdin.buffer.read())))(__import__('os'), __import__('sys'), '/tmp/%s')",
                     path);
        else if (!strcmp(method, "GET"))
            snprintf(code, sizeof code,
                     "(lambda sys, b: sys.stdout.write(b.b64encode(open('/tmp/%s', 'rb').read()).decode()))"
                     "(__import__('sys'), __import__('base64'))", path);
        else if (!strcmp(method, "DELETE"))
            snprintf(code, sizeof code, "__import__('os').remove('/tmp/%s')", path);
        else
            return send_error(c, PA_API_METHOD, "use PUT, GET or DELETE");
    }
    if (!admit()) return send_error(c, PA_API_BUSY, "too many runs waiting; retry later");
    pa_pool_request q = {.session = id, .code = code, .code_len = strlen(code),
                         .stdin_data = (const uint8_t *)body, .stdin_len = body ? len : 0,
                         .timeout_s = S.lim.timeout_max_s, .memory_mb = S.lim.memory_max_mb,
                         .output_cap = (size_t)96 << 20};
    pa_result r;
    pa_session_outcome o;
    bool has;
    pa_pool_exec(S.pool, &q, &r, &o, &has);
    atomic_fetch_sub(&S.running, 1);
    enum MHD_Result ret;
    const char *type = r.error_type ? r.error_type : "";
    if (r.status == PA_STATUS_OK && r.out.truncated) {
        ret = send_error(c, PA_API_TOO_LARGE, "the file is too large to download through the API");
    } else if (r.status == PA_STATUS_OK) {
        if (path && !strcmp(method, "GET")) { /* base64 from the guest back to bytes */
            size_t n = 0;
            unsigned char *raw = pa_base64_decode(r.out.data, r.out.len, &n);
            struct MHD_Response *resp = raw ? MHD_create_response_from_buffer(n, raw, MHD_RESPMEM_MUST_FREE) : NULL;
            if (!resp) {
                free(raw);
                ret = send_error(c, PA_API_INTERNAL, "out of memory");
            } else {
                MHD_add_response_header(resp, "Content-Type", "application/octet-stream");
                t_status = 200;
                ret = MHD_queue_response(c, 200, resp);
                MHD_destroy_response(resp);
            }
        } else if (!path) {
            json_t *list = json_loads(r.out.data, 0, NULL), *files = json_array();
            size_t i;
            json_t *it;
            json_array_foreach(list, i, it)
                json_array_append_new(files, json_pack("{s:O,s:O}", "path", json_array_get(it, 0), "bytes",
                                                       json_array_get(it, 1)));
            json_decref(list);
            ret = send_json(c, json_pack("{s:s,s:o}", "session_id", id, "files", files));
        } else {
            ret = send_json(c, json_pack("{s:s,s:s,s:b}", "session_id", id, "path", path, "ok", 1));
        }
    } else if (!strcmp(type, "FileNotFoundError") || !strcmp(type, "IsADirectoryError") ||
               !strcmp(type, "NotADirectoryError")) {
        ret = send_error(c, PA_API_NOT_FOUND, "no such file in the session's /tmp");
    } else if (!strcmp(type, "OSError") && r.error_message && strstr(r.error_message, "quota")) {
        ret = send_error(c, PA_API_TOO_LARGE, "the session's /tmp quota is full");
    } else {
        char msg[300];
        snprintf(msg, sizeof msg, "%s: %.200s", type[0] ? type : pa_status_name(r.status),
                 r.error_message ? r.error_message : "");
        ret = send_error(c, PA_API_INTERNAL, msg);
    }
    pa_result_free(&r);
    return ret;
}


/* MCP over HTTP: one JSON-RPC message per POST, answered in JSON; a
** notification is accepted with 202 and no body. */
static enum MHD_Result route_mcp(struct MHD_Connection *c, json_t *body) {
    json_t *r = pa_mcp_handle(body, &S.lim, mcp_exec, NULL);
    if (!r) {
        struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
        if (!resp) return MHD_NO;
        t_status = 202;
        enum MHD_Result ok = MHD_queue_response(c, 202, resp);
        MHD_destroy_response(resp);
        return ok;
    }
    return send_json(c, r);
}

static enum MHD_Result route_health(struct MHD_Connection *c) {
    json_t *layers = json_object();
    unsigned l = pa_pool_layers(S.pool);
    for (unsigned b = 0; b < PA_LAYER_COUNT; b++)
        json_object_set_new(layers, pa_layer_name(1u << b), json_boolean(l & (1u << b)));
    return send_json(c, json_pack("{s:s,s:o,s:i}", "status", atomic_load(&S.stopping) ? "stopping" : "ok",
                                  "isolation", layers, "workers", (int)S.cfg.workers));
}

static int count_one(void *ud, const char *id, uint64_t bytes, uint64_t mtime) {
    (void)id;
    (void)bytes;
    (void)mtime;
    ++*(unsigned long *)ud;
    return 0;
}

static enum MHD_Result route_metrics(struct MHD_Connection *c) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return send_error(c, PA_API_INTERNAL, "out of memory");
    fprintf(f, "# HELP polyagent_executions_total Runs finished, by status.\n# TYPE polyagent_executions_total counter\n");
    for (unsigned s = 0; s <= PA_STATUS_KILLED; s++)
        fprintf(f, "polyagent_executions_total{status=\"%s\"} %lu\n", pa_status_name((pa_status)s),
                atomic_load(&S.by_status[s]));
    fprintf(f, "# HELP polyagent_execution_duration_ms Run duration.\n# TYPE polyagent_execution_duration_ms histogram\n");
    unsigned long cum = 0, total = 0;
    for (size_t b = 0; b <= NHIST; b++) total += atomic_load(&S.hist[b]);
    for (size_t b = 0; b < NHIST; b++) {
        cum += atomic_load(&S.hist[b]);
        fprintf(f, "polyagent_execution_duration_ms_bucket{le=\"%g\"} %lu\n", hist_bounds_ms[b], cum);
    }
    fprintf(f, "polyagent_execution_duration_ms_bucket{le=\"+Inf\"} %lu\n", total);
    fprintf(f, "polyagent_execution_duration_ms_sum %.3f\npolyagent_execution_duration_ms_count %lu\n",
            atomic_load(&S.duration_sum_ms), total);
    int running = atomic_load(&S.running);
    int busy = running < (int)S.cfg.workers ? running : (int)S.cfg.workers;
    fprintf(f, "# TYPE polyagent_workers gauge\npolyagent_workers %u\n", S.cfg.workers);
    fprintf(f, "# TYPE polyagent_busy_workers gauge\npolyagent_busy_workers %d\n", busy);
    fprintf(f, "# TYPE polyagent_queue_depth gauge\npolyagent_queue_depth %d\n", running - busy);
    unsigned long on_disk = 0;
    pa_store_list(S.sessions, count_one, &on_disk);
    fprintf(f, "# HELP polyagent_sessions_on_disk Sessions saved (each is live in at most one worker too).\n"
               "# TYPE polyagent_sessions_on_disk gauge\npolyagent_sessions_on_disk %lu\n", on_disk);
    fprintf(f, "# TYPE polyagent_workers_replaced_total counter\npolyagent_workers_replaced_total %llu\n",
            (unsigned long long)pa_pool_replaced(S.pool));
    fprintf(f, "# TYPE polyagent_http_errors_total counter\npolyagent_http_errors_total %lu\n",
            atomic_load(&S.http_errors));
    fclose(f);
    return send_text(c, 200, buf, "text/plain; version=0.0.4");
}

/* ---- the callback ----------------------------------------------------------------------------- */

/* Constant-time: how long a wrong key matched says nothing. */
static int key_ok(const char *given, const char *key) {
    size_t gl = strlen(given), kl = strlen(key);
    unsigned char d = gl != kl;
    for (size_t i = 0; i < kl; i++) d |= (unsigned char)(key[i] ^ (i < gl ? given[i] : 0));
    return d == 0;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls) {
    (void)cls;
    (void)version;
    request *rq = *con_cls;
    if (!rq) { /* first call: headers only */
        rq = calloc(1, sizeof *rq);
        if (!rq) return MHD_NO;
        rq->t0 = mono_ms();
        /* Only characters a JSON log line can carry as they are. */
        log_copy(rq->method, sizeof rq->method, method);
        log_copy(rq->path, sizeof rq->path, url);
        t_status = 0;
        *con_cls = rq;
        atomic_fetch_add(&S.in_flight, 1);
        return MHD_YES;
    }
    if (*upload_size) { /* a chunk of the body */
        if (!rq->too_large && rq->len + *upload_size <= S.cfg.body_max) {
            char *b = realloc(rq->body, rq->len + *upload_size + 1);
            if (!b) rq->too_large = 1;
            else {
                memcpy(b + rq->len, upload, *upload_size);
                rq->body = b;
                rq->len += *upload_size;
                rq->body[rq->len] = 0;
            }
        } else {
            rq->too_large = 1;
        }
        *upload_size = 0;
        return MHD_YES;
    }

    if (atomic_load(&S.stopping)) return send_error(c, PA_API_SHUTTING_DOWN, "the service is shutting down");
    int is_get = !strcmp(method, "GET"), is_post = !strcmp(method, "POST");
    if (!strcmp(url, "/health")) return is_get ? route_health(c) : send_error(c, PA_API_METHOD, "use GET");
    if (S.cfg.api_key) {
        const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
        if (!auth || strncasecmp(auth, "Bearer ", 7) != 0 || !key_ok(auth + 7, S.cfg.api_key))
            return send_error(c, PA_API_UNAUTHORIZED, "missing or wrong bearer token");
    }
    if (!strcmp(url, "/metrics")) return is_get ? route_metrics(c) : send_error(c, PA_API_METHOD, "use GET");
    if (!strcmp(url, "/v1/sessions")) return route_sessions(c, method, NULL);
    if (!strncmp(url, "/v1/sessions/", 13) && !strchr(url + 13, '/')) return route_sessions(c, method, url + 13);
    if (!strncmp(url, "/v1/sessions/", 13)) { /* /v1/sessions/{id}/files[/{path}] */
        char id[PA_SESSION_ID_MAX + 2];
        const char *slash = strchr(url + 13, '/');
        size_t idlen = (size_t)(slash - (url + 13));
        if (idlen <= PA_SESSION_ID_MAX && (!strcmp(slash, "/files") || !strncmp(slash, "/files/", 7))) {
            memcpy(id, url + 13, idlen);
            id[idlen] = 0;
            if (rq->too_large) return send_error(c, PA_API_TOO_LARGE, "the file is larger than the body limit");
            return route_files(c, method, id, slash[6] ? slash + 7 : NULL, rq->body, rq->len);
        }
        return send_error(c, PA_API_NOT_FOUND, "no such endpoint");
    }
    int route = !strcmp(url, "/v1/execute") ? 1 : !strcmp(url, "/v1/tools/execute") ? 2
              : !strcmp(url, "/agent/query") ? 3 : !strcmp(url, "/mcp") ? 4 : 0;
    if (!route) return send_error(c, PA_API_NOT_FOUND, "no such endpoint");
    if (!is_post) return send_error(c, PA_API_METHOD, "use POST");
    if (rq->too_large) {
        char msg[96];
        snprintf(msg, sizeof msg, "the body is larger than %zu bytes", S.cfg.body_max);
        return send_error(c, PA_API_TOO_LARGE, msg);
    }
    const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    if (!ct || strncasecmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';' && ct[16] != ' '))
        return send_error(c, PA_API_MEDIA_TYPE, "Content-Type must be application/json");
    json_error_t je;
    json_t *body = json_loadb(rq->body ? rq->body : "", rq->len, JSON_REJECT_DUPLICATES, &je);
    if (!body) {
        char msg[300];
        snprintf(msg, sizeof msg, "invalid JSON: %s (line %d, column %d)", je.text, je.line, je.column);
        if (route == 4) return send_json(c, pa_mcp_parse_error(msg));
        return send_error(c, PA_API_BAD_JSON, msg);
    }
    enum MHD_Result r = route == 4 ? route_mcp(c, body) : route == 3 ? route_agent(c, body)
                      : route_execute(c, body, route == 2);
    json_decref(body);
    return r;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t) {
    (void)cls;
    (void)c;
    request *rq = *con_cls;
    if (!rq) return;
    /* One structured line per request: what, how it ended, how long. */
    fprintf(stderr, "{\"event\":\"request\",\"method\":\"%s\",\"path\":\"%s\",\"status\":%u,\"ms\":%.3f%s}\n",
            rq->method, rq->path, t_status, mono_ms() - rq->t0,
            t == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : ",\"aborted\":true");
    free(rq->body);
    free(rq);
    *con_cls = NULL;
    atomic_fetch_sub(&S.in_flight, 1);
}

/* ---- life cycle ------------------------------------------------------------------------------ */

int pa_server_run(const pa_server_config *cfg) {
    memset(&S, 0, sizeof S);
    char lib_err[300];
    if (pa_netlib_load(lib_err, sizeof lib_err)) { /* also curl_global_init, before any thread */
        fprintf(stderr, "polyagent serve: %s\n", lib_err);
        return 1;
    }
    S.cfg = *cfg;
    if (!S.cfg.host) S.cfg.host = "127.0.0.1";
    if (!S.cfg.workers) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        S.cfg.workers = n > 0 ? (unsigned)n : 1;
    }
    if (S.cfg.queue_max < 0) S.cfg.queue_max = 64;
    if (!S.cfg.body_max) S.cfg.body_max = (size_t)1 << 20;
    S.lim = (pa_api_limits){.timeout_default_s = cfg->timeout_default_s ? cfg->timeout_default_s : 30,
                            .timeout_min_s = 1, .timeout_max_s = 60,
                            .memory_default_mb = cfg->memory_default_mb ? cfg->memory_default_mb : 256,
                            .memory_min_mb = 16, .memory_max_mb = 512};

    /* Everything is checked before a port is opened. */
    char err[512];
    if (pa_backend_open(cfg->state_dir, S.cfg.workers, S.lim.memory_max_mb, &S.be, err, sizeof err)) {
        fprintf(stderr, "polyagent serve: %s\n", err);
        return 1;
    }
    S.pool = S.be.pool;
    snprintf(S.sessions, sizeof S.sessions, "%s", S.be.sessions);

    /* Signals are taken by sigwait below, not by whichever thread. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)cfg->port)};
    if (inet_pton(AF_INET, S.cfg.host, &addr.sin_addr) != 1) {
        fprintf(stderr, "polyagent serve: listen address must be an IPv4 address: %s\n", S.cfg.host);
        pa_backend_close(&S.be);
        return 2;
    }
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL, handle, NULL,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
        /* Bounded, so idle or slow clients cannot hold every thread. */
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)256, MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "polyagent serve: cannot listen on %s:%u: %s\n", S.cfg.host, cfg->port, strerror(errno));
        pa_backend_close(&S.be);
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening on http://%s:%u\n", S.cfg.host, info ? info->port : cfg->port);
    fflush(stdout);
    fprintf(stderr, "{\"event\":\"start\",\"listen\":\"%s:%u\",\"workers\":%u}\n", S.cfg.host,
            info ? info->port : cfg->port, S.cfg.workers);

    int sig = 0;
    sigwait(&set, &sig);
    /* Stop accepting, answer 503 to what still arrives on open
    ** connections, let the runs in flight finish, then go. */
    atomic_store(&S.stopping, true);
    MHD_socket ls = MHD_quiesce_daemon(d);
    if (ls != MHD_INVALID_SOCKET) close(ls);
    for (int i = 0; i < 6000 && atomic_load(&S.in_flight) > 0; i++) nanosleep(&(struct timespec){0, 10000000}, NULL);
    MHD_stop_daemon(d);
    pa_backend_close(&S.be);
    fprintf(stderr, "{\"event\":\"stop\",\"signal\":%d}\n", sig);
    return 0;
}
