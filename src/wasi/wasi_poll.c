/*
** wasi_poll.c — poll_oneoff: the guest's only way to wait.
**
** Everything the guest can wait on except time is ready at once (stdin is
** a buffer, output goes to a callback, files are memory), so poll_oneoff
** reduces to: if any fd subscription is present, report every fd event plus
** any clock already due, without sleeping; otherwise sleep until the
** earliest clock deadline and report every clock due by then.
**
** All deadlines are converted to absolute CLOCK_MONOTONIC nanoseconds and
** the sleep is clock_nanosleep(TIMER_ABSTIME), so a signal-interrupted
** sleep resumes for exactly the remainder.  The runtime interrupts a guest
** by signalling this thread: on EINTR we ask pa_rt_interrupt_pending() and,
** if the call is being abandoned, return at once (pa_rt_host_leave then
** unwinds).  A signal that lands between that check and the syscall would
** be lost, so the sleep is cut into slices of at most SLICE_NS and the flag
** is checked between them: a lost wake-up costs one slice, not the whole
** (possibly hour-long) sleep.  A relative timeout is measured on the monotonic clock; an
** absolute one is on the clock it names (wasi-libc's
** clock_nanosleep(TIMER_ABSTIME), used by time.sleep, sends absolute
** monotonic deadlines).  An absolute realtime deadline is converted once,
** so wall-clock steps during the sleep are not followed.
**
** The subscription array is copied to the host and fully parsed before
** anything happens; events are written only at the end.
*/
#include "wasi_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct sub {
    uint64_t userdata;
    uint8_t tag;
    uint16_t error;     /* clock subscriptions that are invalid */
    uint64_t deadline;  /* clocks: absolute monotonic ns */
    uint32_t fd;
} sub;

static uint64_t now_ns(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0 || ts.tv_sec < 0) return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

#define SLICE_NS 25000000u /* 25 ms */

static uint64_t sat_add(uint64_t a, uint64_t b) {
    return a + b < a ? UINT64_MAX : a + b;
}

/* Decode one 48-byte subscription. */
static uint32_t parse_sub(const uint8_t *p, uint64_t mono, uint64_t real,
                          sub *s) {
    memset(s, 0, sizeof *s);
    s->userdata = pa_get_u64(p + PA_SUB_USERDATA);
    s->tag = p[PA_SUB_TAG];
    if (s->tag == PA_EVENT_FD_READ || s->tag == PA_EVENT_FD_WRITE) {
        s->fd = pa_get_u32(p + PA_SUB_FD);
        return PA_WASI_ESUCCESS;
    }
    if (s->tag != PA_EVENT_CLOCK) return PA_WASI_EINVAL;
    uint32_t id = pa_get_u32(p + PA_SUB_CLOCK_ID);
    uint64_t timeout = pa_get_u64(p + PA_SUB_CLOCK_TIMEOUT);
    uint16_t flags = pa_get_u16(p + PA_SUB_CLOCK_FLAGS);
    if (flags & ~PA_SUBCLOCK_ABSTIME) return PA_WASI_EINVAL;
    if (id != PA_CLOCK_REALTIME && id != PA_CLOCK_MONOTONIC) {
        /* CPU-time clocks can't be slept on; report it per event. */
        s->error = PA_WASI_EINVAL;
        s->deadline = mono;
    } else if (!(flags & PA_SUBCLOCK_ABSTIME)) {
        s->deadline = sat_add(mono, timeout);
    } else if (id == PA_CLOCK_MONOTONIC) {
        s->deadline = pa_wasi_mono_to_host(timeout); /* the guest's clock is shifted */
    } else {
        s->deadline = timeout > real ? sat_add(mono, timeout - real) : mono;
    }
    return PA_WASI_ESUCCESS;
}

/* Readiness of an fd subscription: error, and bytes available. */
static uint16_t fd_event(pa_wasi *w, const sub *s, uint64_t *nbytes) {
    pa_fd *f = pa_fd_get(w, s->fd);
    *nbytes = 0;
    if (!f) return PA_WASI_EBADF;
    if (s->tag == PA_EVENT_FD_READ) {
        if (f->kind == PA_FD_STDIN) {
            *nbytes = w->stdin_len - w->stdin_pos;
            return PA_WASI_ESUCCESS;
        }
        if (f->kind != PA_FD_NODE ||
            f->node->type == PA_WASI_FILETYPE_DIRECTORY ||
            !(f->rights_base & PA_RIGHT_FD_READ))
            return PA_WASI_EBADF;
        if (f->node->size > f->pos) *nbytes = f->node->size - f->pos;
        return PA_WASI_ESUCCESS;
    }
    if (f->kind == PA_FD_STDOUT || f->kind == PA_FD_STDERR)
        return PA_WASI_ESUCCESS;
    if (f->kind != PA_FD_NODE || !(f->rights_base & PA_RIGHT_FD_WRITE))
        return PA_WASI_EBADF;
    return PA_WASI_ESUCCESS;
}

static void put_event(uint8_t *p, const sub *s, uint16_t error,
                      uint64_t nbytes) {
    memset(p, 0, PA_EVENT_SIZE);
    pa_put_u64(p + PA_EVENT_USERDATA, s->userdata);
    pa_put_u16(p + PA_EVENT_ERROR, error);
    pa_put_u8(p + PA_EVENT_TYPE, s->tag);
    if (s->tag != PA_EVENT_CLOCK) pa_put_u64(p + PA_EVENT_NBYTES, nbytes);
}

/* Sleep until the monotonic deadline.  False if abandoned by an interrupt. */
static bool sleep_until(uint64_t deadline) {
    for (;;) {
        if (pa_rt_interrupt_pending()) return false;
        uint64_t now = now_ns(CLOCK_MONOTONIC);
        if (now >= deadline) return true;
        uint64_t until = deadline - now > SLICE_NS ? now + SLICE_NS : deadline;
        struct timespec ts;
        ts.tv_sec = (time_t)(until / 1000000000u);
        ts.tv_nsec = (long)(until % 1000000000u);
        int r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
        if (r != 0 && r != EINTR) return true; /* can't sleep: don't spin */
    }
}

static uint32_t poll_oneoff(pa_wasi *w, uint32_t in, uint32_t out,
                            uint32_t nsubs, uint32_t nevents_ptr) {
    sub *subs = NULL;
    uint32_t rc, nev = 0;

    if (nsubs == 0 || nsubs > PA_WASI_MAX_SUBS) return PA_WASI_EINVAL;
    const uint8_t *src = pa_mem(w, in, (uint64_t)nsubs * PA_SUB_SIZE);
    uint8_t *dst = pa_mem(w, out, (uint64_t)nsubs * PA_EVENT_SIZE);
    if (!src || !dst || !pa_mem(w, nevents_ptr, 4)) return PA_WASI_EFAULT;
    subs = malloc((size_t)nsubs * sizeof *subs);
    if (!subs) return PA_WASI_ENOMEM;

    uint64_t mono = now_ns(CLOCK_MONOTONIC), real = now_ns(CLOCK_REALTIME);
    bool have_fd = false;
    uint64_t earliest = UINT64_MAX;
    for (uint32_t i = 0; i < nsubs; i++) {
        rc = parse_sub(src + (size_t)i * PA_SUB_SIZE, mono, real, &subs[i]);
        if (rc) goto done;
        if (subs[i].tag != PA_EVENT_CLOCK) have_fd = true;
        else if (subs[i].deadline < earliest) earliest = subs[i].deadline;
    }
    /* From here on `src` is not touched: `out` may overlap `in`. */

    if (!have_fd && earliest > mono) {
        if (!sleep_until(earliest)) {
            rc = PA_WASI_EINTR;
            goto done;
        }
        mono = now_ns(CLOCK_MONOTONIC);
        /* Guard against a clock that did not quite reach the deadline
        ** (or a failed sleep): the earliest clock is reported regardless. */
        if (mono < earliest) mono = earliest;
    }
    for (uint32_t i = 0; i < nsubs; i++) {
        const sub *s = &subs[i];
        uint64_t nbytes = 0;
        uint16_t err;
        if (s->tag == PA_EVENT_CLOCK) {
            if (s->deadline > mono) continue;
            err = s->error;
        } else {
            err = fd_event(w, s, &nbytes);
        }
        put_event(dst + (size_t)nev * PA_EVENT_SIZE, s, err, nbytes);
        nev++;
    }
    rc = pa_store_u32(w, nevents_ptr, nev);
done:
    free(subs);
    return rc;
}

uint32_t Z_wasi_snapshot_preview1Z_poll_oneoff(pa_wasi *w, uint32_t in,
                                               uint32_t out, uint32_t nsubs,
                                               uint32_t nevents)
PA_HOSTCALL(poll_oneoff(w, in, out, nsubs, nevents))
