/*
** run.c — `polyagent run`: execute one program in a fresh sandboxed
** interpreter and report the outcome (see the usage text in main.c).
**
** The guest runs on a thread of its own with a 256 MiB stack: translated
** guest code recurses on the native stack, and CPython's recursion limit of
** 1000 needs far more than the default 8 MiB in the worst C-level cases.
** The stack is reserved, not committed; overflowing it is a trap.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "result_json.h"
#include "runtime/pa_runtime.h"
#include "sandbox/child.h"
#include "sandbox/hostdir.h"
#include "session/base.h"
#include "session/session.h"
#include "utf8.h"

#define GUEST_STACK_BYTES ((size_t)256 << 20)
#define MAX_SOURCE_BYTES ((size_t)16 << 20)
#define MAX_STDIN_BYTES ((size_t)64 << 20)

typedef struct run_opts {
    const char *code_arg;     /* -c */
    const char *file;         /* FILE.py or "-" */
    const char *stdin_text;
    const char *stdin_file;
    double timeout_s;
    unsigned memory_mb;
    int json;
    const char *session;      /* --session ID */
    const char *state_dir;    /* --state-dir DIR */
    const char *mounts[16];   /* --mount HOST:GUEST[:ro] */
    int nmounts;
} run_opts;

typedef struct run_job {
    const run_opts *o;
    char *code; size_t code_len;
    char *input; size_t input_len;
    const char *filename;
    pa_result res;
    pa_session_outcome outcome;
    int started;
    char err[512];
    /* prepared by the parent, before the sandbox */
    pa_image *img;            /* base image, NULL if unavailable */
    char sessions_dir[4200];  /* --session: where its files are */
    const char *child_sessions_dir; /* the same, as the sandbox sees it */
    pa_hostdir tree;          /* --mount trees, read before the sandbox */
} run_job;

/* ---- input ------------------------------------------------------------------ */

static int read_all(FILE *f, size_t limit, char **out, size_t *len) {
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) return -ENOMEM;
    for (;;) {
        if (n == cap) {
            /* Room for limit + 1 bytes: exactly `limit` is allowed, and
            ** only reading one more byte tells the two apart. */
            if (cap > limit) { free(buf); return -EFBIG; }
            cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *b = realloc(buf, cap + 1);
            if (!b) { free(buf); return -ENOMEM; }
            buf = b;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) {
            if (ferror(f)) { free(buf); return -EIO; }
            break;
        }
    }
    buf[n] = 0;
    *out = buf;
    *len = n;
    return 0;
}

static int read_path(const char *path, size_t limit, char **out, size_t *len) {
    if (!strcmp(path, "-")) return read_all(stdin, limit, out, len);
    FILE *f = fopen(path, "rb");
    if (!f) return -errno;
    int rc = read_all(f, limit, out, len);
    fclose(f);
    return rc;
}

/* ---- options ----------------------------------------------------------------- */

static int parse_number(const char *name, const char *s, double lo, double hi, double *out) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || v != v) {
        pa_cli_error("%s: '%s' is not a number", name, s);
        return -1;
    }
    if (v < lo || v > hi) {
        pa_cli_error("%s: %s is out of range (%g-%g)", name, s, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_opts(int argc, char **argv, run_opts *o) {
    memset(o, 0, sizeof *o);
    o->timeout_s = 30;
    o->memory_mb = 256;
    for (int i = 0; i < argc; i++) {
        char *a = argv[i], *val = NULL;
        char *eq = (a[0] == '-' && a[1] == '-') ? strchr(a, '=') : NULL;
        char name[32];
        if (eq) {
            size_t n = (size_t)(eq - a);
            if (n >= sizeof name) n = sizeof name - 1;
            memcpy(name, a, n);
            name[n] = 0;
            val = eq + 1;
            a = name;
        }
        int takes = !strcmp(a, "-c") || !strcmp(a, "--stdin") || !strcmp(a, "--stdin-file") ||
                    !strcmp(a, "--timeout") || !strcmp(a, "--memory-mb") ||
                    !strcmp(a, "--session") || !strcmp(a, "--state-dir") || !strcmp(a, "--mount");
        if (takes && !val) {
            if (i + 1 >= argc) {
                pa_cli_error("option %s needs an argument", a);
                return -1;
            }
            val = argv[++i];
        } else if (!takes && val) {
            pa_cli_error("option %s takes no argument", a);
            return -1;
        }
        if (!strcmp(a, "-c")) o->code_arg = val;
        else if (!strcmp(a, "--stdin")) o->stdin_text = val;
        else if (!strcmp(a, "--stdin-file")) o->stdin_file = val;
        else if (!strcmp(a, "--timeout")) {
            if (parse_number("--timeout", val, 1, 60, &o->timeout_s)) return -1;
        } else if (!strcmp(a, "--memory-mb")) {
            double v;
            if (parse_number("--memory-mb", val, 16, 4096, &v)) return -1;
            if (v != (unsigned)v) {
                pa_cli_error("--memory-mb: '%s' is not a whole number", val);
                return -1;
            }
            o->memory_mb = (unsigned)v;
        } else if (!strcmp(a, "--session")) {
            if (pa_store_check_id(val)) {
                pa_cli_error("--session: '%s' is not a valid id (1-%d of A-Z a-z 0-9 _ - ., not starting with '.')",
                             val, PA_SESSION_ID_MAX);
                return -1;
            }
            o->session = val;
        } else if (!strcmp(a, "--mount")) {
            if (o->nmounts == (int)(sizeof o->mounts / sizeof o->mounts[0])) {
                pa_cli_error("--mount: at most %d", (int)(sizeof o->mounts / sizeof o->mounts[0]));
                return -1;
            }
            o->mounts[o->nmounts++] = val;
        } else if (!strcmp(a, "--state-dir")) {
            if (!*val) {
                pa_cli_error("--state-dir: empty path");
                return -1;
            }
            o->state_dir = val;
        } else if (!strcmp(a, "--json")) o->json = 1;
        else if (a[0] == '-' && a[1] != 0) {
            pa_cli_error("unknown option '%s'", a);
            return -1;
        } else if (o->file || o->code_arg) {
            pa_cli_error("unexpected argument '%s' (one program per run)", a);
            return -1;
        } else o->file = a;
        if (o->code_arg && o->file) {
            pa_cli_error("give either -c CODE or a file, not both");
            return -1;
        }
    }
    if (!o->code_arg && !o->file) {
        pa_cli_error("nothing to run: give -c CODE or FILE.py (see 'polyagent --help')");
        return -1;
    }
    if (o->stdin_text && o->stdin_file) {
        pa_cli_error("give either --stdin or --stdin-file, not both");
        return -1;
    }
    if (o->stdin_file && o->file && !strcmp(o->file, "-") && !strcmp(o->stdin_file, "-")) {
        pa_cli_error("standard input cannot be both the program and its input");
        return -1;
    }
    return 0;
}

/* ---- guest thread --------------------------------------------------------------- */

static void write_all(int fd, const uint8_t *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            /* EINTR here is the run's deadline (the only signal the engine
            ** uses): give up on this output so the run can be stopped even
            ** when the reader is not reading.  EPIPE: the reader went away. */
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static void stream_out(void *ud, int fd, const uint8_t *data, size_t len) {
    (void)ud;
    write_all(fd == 2 ? 2 : 1, data, len);
}

static pa_exec_request make_request(const run_job *job) {
    return (pa_exec_request){
        .code = job->code, .code_len = job->code_len,
        .filename = job->filename,
        .stdin_data = (const uint8_t *)job->input, .stdin_len = job->input_len,
        .timeout_s = job->o->timeout_s,
        .on_output = job->o->json ? NULL : stream_out,
    };
}

static int state_dir(const run_job *job, char *buf, size_t len) {
    if (job->o->state_dir) return snprintf(buf, len, "%s", job->o->state_dir) >= (int)len ? -1 : 0;
    return pa_state_dir_default(buf, len);
}

/* A fresh interpreter: from the base image when the state directory can
** hold one (start-up is then a mapping), else started from scratch. */
static void run_fresh(run_job *job) {
    pa_instance_config cfg = {.memory_mb = job->o->memory_mb, .ro = job->tree.e, .nro = job->tree.n};
    pa_instance *in = NULL;
    char ignored[512];
    if (job->img) {
        cfg.image = job->img;
        if (pa_instance_new(&cfg, &in, ignored, sizeof ignored) != 0) in = NULL;
    }
    if (!in) {
        cfg.image = NULL;
        if (pa_instance_new(&cfg, &in, job->err, sizeof job->err) != 0) goto out;
    }
    job->started = 1;
    pa_exec_request req = make_request(job);
    pa_instance_exec(in, &req, &job->res);
out:
    pa_instance_free(in);
}

static void run_in_session(run_job *job) {
    pa_sessions *ss = NULL;
    pa_sessions_config cfg = {
        .dir = job->child_sessions_dir, .image = job->img,
        .limits = {.memory_mb = job->o->memory_mb, .ro = job->tree.e, .nro = job->tree.n},
        .lock_wait_s = 60, .shared_dir = true, /* other CLI runs, other sessions */
    };
    if (pa_sessions_open(&cfg, &ss, job->err, sizeof job->err)) goto out;
    pa_exec_request req = make_request(job);
    int code;
    if (pa_sessions_exec(ss, job->o->session, &req, &job->res, &job->outcome, &code, job->err, sizeof job->err) == 0)
        job->started = 1;
out:
    pa_sessions_close(ss);
}

static void *guest_main(void *arg) {
    run_job *job = arg;
    if (job->o->session) run_in_session(job);
    else run_fresh(job);
    return NULL;
}

/* ---- output ----------------------------------------------------------------------- */

static char *result_json(const run_job *job) {
    json_t *o = pa_result_json(&job->res);
    if (!o) return NULL;
    if (job->o->session && job->started) {
        json_object_set_new(o, "session_id", json_string(job->o->session)); /* checked: plain ASCII */
        json_object_set_new(o, "session", pa_session_outcome_json(&job->outcome));
    }
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

/* ---- the sandbox ------------------------------------------------------------------ */

/* In the parent, before the sandbox hides the file system: open (or build)
** the base image, and make sure the session directory exists.  A fresh run
** without a usable state directory still runs (started from scratch). */
/* --mount HOST:GUEST[:ro]: read-only is the only kind there is. */
static int load_mounts(run_job *job) {
    for (int i = 0; i < job->o->nmounts; i++) {
        char spec[8192], err[512];
        if (snprintf(spec, sizeof spec, "%s", job->o->mounts[i]) >= (int)sizeof spec) {
            pa_cli_error("--mount: too long");
            return -1;
        }
        size_t n = strlen(spec);
        if (n > 3 && !strcmp(spec + n - 3, ":ro")) spec[n - 3] = 0;
        else if (n > 3 && !strcmp(spec + n - 3, ":rw")) {
            pa_cli_error("--mount %s: only read-only mounts are supported", job->o->mounts[i]);
            return -1;
        }
        char *colon = strrchr(spec, ':');
        if (!colon || colon == spec || !colon[1]) {
            pa_cli_error("--mount %s: expected HOST_DIR:GUEST_PATH[:ro]", job->o->mounts[i]);
            return -1;
        }
        *colon = 0;
        if (pa_hostdir_load(&job->tree, spec, colon + 1, err, sizeof err)) {
            pa_cli_error("--mount %s: %s", job->o->mounts[i], err);
            return -1;
        }
    }
    return 0;
}

static int prepare(run_job *job) {
    char dir[4096], why[400];
    if (load_mounts(job)) return -1;
    if (state_dir(job, dir, sizeof dir) != 0) {
        if (!job->o->session) return 0;
        pa_cli_error("no state directory for sessions: set HOME, POLYAGENT_STATE_DIR or --state-dir");
        return -1;
    }
    if (pa_base_image_open(dir, &job->img, why, sizeof why) != 0) {
        job->img = NULL;
        if (!job->o->session) return 0;
        pa_cli_error("cannot open the base image: %s", why);
        return -1;
    }
    if (job->o->session) {
        snprintf(job->sessions_dir, sizeof job->sessions_dir, "%s/sessions", dir);
        int rc = pa_store_mkdirs(job->sessions_dir);
        if (rc) {
            pa_cli_error("cannot create %s: %s", job->sessions_dir, strerror(-rc));
            return -1;
        }
    }
    return 0;
}

static void write_all_fd(int fd, const char *p, size_t n) {
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        p += w;
        n -= (size_t)w;
    }
}

/* In the confined child: run, then report (JSON to the report pipe, or
** messages on stderr).  Returns the exit status. */
static int child_main(void *ud, int report_fd, unsigned layers) {
    run_job *job = ud;
    job->child_sessions_dir = (layers & PA_LAYER_EMPTY_ROOT) ? "/state" : job->sessions_dir;
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, GUEST_STACK_BYTES);
    pthread_attr_setguardsize(&attr, (size_t)1 << 20); /* backstop below the stack */
    int rc = pthread_create(&th, &attr, guest_main, job);
    pthread_attr_destroy(&attr);
    if (rc) {
        snprintf(job->err, sizeof job->err, "cannot start the guest thread: %s", strerror(rc));
    } else {
        pthread_join(th, NULL);
    }
    const run_opts *o = job->o;
    if (!job->started) {
        if (!o->json) {
            pa_cli_error("cannot start the interpreter: %s", job->err);
            return PA_EXIT_KILLED;
        }
        job->res.status = PA_STATUS_KILLED;
        job->res.exit_code = PA_EXIT_KILLED;
        job->res.error_type = strdup("EngineError");
        job->res.error_message = strdup(job->err);
        job->res.error_message_len = job->res.error_message ? strlen(job->err) : 0;
    }
    if (o->json) {
        char *s = result_json(job);
        if (!s) return PA_EXIT_KILLED;
        write_all_fd(report_fd, s, strlen(s));
        free(s);
        return 0;
    }
    if (o->session && job->outcome.rolled_back)
        pa_cli_error("session %s: this call was stopped, so the session is as it was before it", o->session);
    else if (o->session && !job->outcome.saved)
        pa_cli_error("%s: this call's changes to session %s are lost", job->outcome.save_error, o->session);
    int status = job->res.exit_code;
    switch (job->res.status) {
    case PA_STATUS_TIMEOUT:
        pa_cli_error("timeout: %s", job->res.error_message ? job->res.error_message : "");
        break;
    case PA_STATUS_MEMORY_LIMIT:
        pa_cli_error("memory limit: the program needed more than %u MB", o->memory_mb);
        status = PA_EXIT_MEMORY;
        break;
    case PA_STATUS_KILLED:
        pa_cli_error("killed: %s", job->res.error_message ? job->res.error_message : "trap");
        break;
    default:
        break;
    }
    return status & 0xFF; /* as the OS truncates native python's exit(n) */
}

/* A result the parent makes up when the child could not give one. */
/* elapsed_ms: how long the run took as far as this process saw it (0 when
** it never started), so a run killed by the supervisor still reports its
** time. */
static int report_failure(run_job *job, pa_status st, int exit_code, const char *type, const char *msg,
                          double elapsed_ms) {
    if (!job->o->json) {
        pa_cli_error("%s: %s", st == PA_STATUS_TIMEOUT ? "timeout" : "killed", msg);
        return exit_code;
    }
    pa_result_free(&job->res);
    job->res.status = st;
    job->res.exit_code = exit_code;
    job->res.error_type = strdup(type);
    job->res.error_message = strdup(msg);
    job->res.error_message_len = job->res.error_message ? strlen(msg) : 0;
    job->res.duration_ms = elapsed_ms;
    job->started = 0; /* no session outcome to report */
    char *s = result_json(job);
    if (s) puts(s);
    free(s);
    return fflush(stdout) ? PA_EXIT_KILLED : 0;
}

/* The guest runs in a confined child; this process only supervises it:
** it kills the child if the run outlives its time limit by a grace period,
** counted from when the child is confined (child.h; the engine's own
** deadline normally ends the run right on time), and turns a
** child that died into a result. */
static int run_sandboxed(run_job *job) {
    const run_opts *o = job->o;
    int keep[1] = {job->img ? pa_image_fd(job->img) : -1};
    pa_confine_opts co = {
        .state_dir = o->session ? job->sessions_dir : NULL,
        .keep_fds = keep, .nkeep = 1,
        .preopen = pa_runtime_preopen, /* the child's own /proc/self/pagemap */
#if !defined(__SANITIZE_ADDRESS__)
        /* Linear memory + image view + 256 MiB guest stack + inputs + slack;
        ** address space: one 8 GiB memory reservation and the rest.  (ASan
        ** builds reserve terabytes of shadow memory: no such limits there.) */
        .data_bytes = ((uint64_t)o->memory_mb + 640) << 20,
        .as_bytes = (uint64_t)10 << 30,
#endif
        .cpu_seconds = (uint64_t)o->timeout_s + 5,
        .file_bytes = ((uint64_t)o->memory_mb + 128) << 20,
    };
    /* Loading and saving a session takes time of its own, beyond the
    ** program's limit. */
    double grace = o->session ? 10 : 3;
    pa_child_result cr;
    char err[256];
    if (pa_child_run(&co, o->timeout_s + grace, child_main, job, &cr, err, sizeof err))
        return report_failure(job, PA_STATUS_KILLED, PA_EXIT_KILLED, "EngineError", err, 0);
    int status;
    char msg[512];
    if (!cr.confined) {
        snprintf(msg, sizeof msg, "the sandbox could not be set up: %s", cr.len ? cr.data : "no report");
        status = report_failure(job, PA_STATUS_KILLED, PA_EXIT_KILLED, "EngineError", msg, cr.elapsed_ms);
    } else if (cr.deadline) {
        snprintf(msg, sizeof msg, "execution exceeded the time limit of %g s; the sandbox process was killed",
                 o->timeout_s);
        status = report_failure(job, PA_STATUS_TIMEOUT, PA_EXIT_TIMEOUT, "Timeout", msg, cr.elapsed_ms);
    } else if (!cr.exited) {
        snprintf(msg, sizeof msg, "the sandbox process was killed by signal %d%s", cr.signal,
                 cr.signal == SIGSYS ? " (a forbidden system call)" : "");
        status = report_failure(job, PA_STATUS_KILLED, PA_EXIT_KILLED, "Killed", msg, cr.elapsed_ms);
    } else if (o->json) {
        if (cr.len) {
            fwrite(cr.data, 1, cr.len, stdout);
            fputc('\n', stdout);
            status = fflush(stdout) ? PA_EXIT_KILLED : 0;
        } else {
            snprintf(msg, sizeof msg, "the sandbox process exited (status %d) without a result", cr.status);
            status = report_failure(job, PA_STATUS_KILLED, PA_EXIT_KILLED, "EngineError", msg, cr.elapsed_ms);
        }
    } else {
        status = cr.status;
    }
    free(cr.data);
    return status;
}

int pa_cmd_run(int argc, char **argv) {
    run_opts o;
    if (parse_opts(argc, argv, &o)) return PA_EXIT_USAGE;

    run_job job;
    memset(&job, 0, sizeof job);
    job.o = &o;
    int rc = 0, status = PA_EXIT_USAGE;
    if (o.code_arg) {
        job.code = strdup(o.code_arg);
        job.code_len = strlen(o.code_arg);
        job.filename = "<string>";
    } else {
        rc = read_path(o.file, MAX_SOURCE_BYTES, &job.code, &job.code_len);
        if (rc) {
            pa_cli_error("cannot read %s: %s", strcmp(o.file, "-") ? o.file : "standard input",
                         rc == -EFBIG ? "larger than 16 MiB" : strerror(-rc));
            goto out;
        }
        job.filename = strcmp(o.file, "-") ? o.file : "<stdin>";
    }
    if (o.stdin_text) {
        job.input = strdup(o.stdin_text);
        job.input_len = strlen(o.stdin_text);
    } else if (o.stdin_file) {
        rc = read_path(o.stdin_file, MAX_STDIN_BYTES, &job.input, &job.input_len);
        if (rc) {
            pa_cli_error("cannot read %s: %s", o.stdin_file, rc == -EFBIG ? "larger than 64 MiB" : strerror(-rc));
            goto out;
        }
    }
    if (!job.code || (o.stdin_text && !job.input)) {
        pa_cli_error("out of memory");
        goto out;
    }

    if (prepare(&job)) goto out;
    status = run_sandboxed(&job);
out:
    pa_result_free(&job.res);
    pa_image_close(job.img);
    pa_hostdir_free(&job.tree);
    free(job.code);
    free(job.input);
    return status;
}
