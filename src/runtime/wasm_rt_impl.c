/*
** wasm_rt_impl.c — our implementation of wasm2c's runtime contract (wasm-rt.h).
**
** wabt ships a reference implementation, but it keeps its trap target and
** signal stack in process globals, cannot cap memory growth per instance and
** has no way to stop a guest at a deadline.  We need all three, so we
** implement the header ourselves.  Design:
**
**  - Memories are 8 GiB PROT_NONE reservations; the accessible prefix grows
**    with mprotect.  Generated code does no bounds checks (the signal-handler
**    mode of wasm-rt.h): a stray guest access faults in the reservation and the
**    SIGSEGV handler turns it into WASM_RT_TRAP_OOB.
**  - Native stack overflow inside generated code faults on the thread's guard
**    page; the handler runs on an alternate stack and traps EXHAUSTION.
**  - A fault that is not in the current thread's guest memory or stack guard,
**    or that happens while host code runs, is a bug in *our* code: the
**    handler restores the default action and the process crashes loudly.
**  - The deadline is a per-thread POSIX timer delivering PA_SIG_DEADLINE to
**    the guest thread.  If guest code is running it unwinds at once; if a host
**    call is running it is recorded and delivered when the host call returns
**    (see hostcall.h), so host code is never abandoned half-way.
**  - All of it lives in thread-local state: traps and deadlines never cross
**    threads.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "hostcall.h"
#include "rt_internal.h"
#include "wasm-rt.h"

#define PA_SIG_DEADLINE (SIGRTMIN + 1)
#define WASM_PAGE 65536u
#define ALT_STACK_SIZE (64 * 1024)

typedef struct rt_thread {
    sigjmp_buf *volatile target;        /* NULL outside a guarded call */
    volatile sig_atomic_t in_guest;     /* inside a guarded call */
    volatile sig_atomic_t host_depth;   /* nesting of host calls */
    volatile sig_atomic_t pending;      /* deadline passed inside a host call */
    uint8_t *mem_lo, *mem_hi;           /* reservation of the current memory */
    uintptr_t stack_lo, stack_hi;       /* this thread's stack, guard below lo */
    uintptr_t guard;                    /* bytes of guard below stack_lo */
    volatile sig_atomic_t last_unwind;  /* code of the last unwind */
    uint32_t exit_code;
    int ready;
    int timer_ok;
    timer_t timer;
    void *alt_stack;
} rt_thread;

static _Thread_local rt_thread T;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static int g_init_err;
static pthread_key_t g_thread_key; /* its destructor releases T's resources */
static struct sigaction g_old_segv, g_old_bus;

uint64_t pa_rt_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static _Noreturn void unwind(int code) {
    sigjmp_buf *t = T.target;
    if (!t) {
        /* A trap with nowhere to go is a host bug, not a guest one. */
        static const char msg[] = "polyagent: wasm trap outside a guarded call\n";
        (void)!write(2, msg, sizeof msg - 1);
        abort();
    }
    T.in_guest = 0;
    T.last_unwind = code;
    siglongjmp(*t, 1);
}

/* ---- faults and deadline signals ---------------------------------------- */

static void on_fault(int sig, siginfo_t *si, void *uc);

static void restore_and_return(int sig) {
    /* Not ours: reinstate the previous disposition; the faulting instruction
    ** runs again and the process dies with the original signal. */
    struct sigaction *old = sig == SIGSEGV ? &g_old_segv : &g_old_bus;
    if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction == on_fault) signal(sig, SIG_DFL);
    else sigaction(sig, old, NULL);
}

static void on_fault(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    uint8_t *addr = si->si_addr;
    if (T.in_guest && T.host_depth == 0) {
        if (addr >= T.mem_lo && addr < T.mem_hi) unwind(WASM_RT_TRAP_OOB);
        /* Translated code has small frames, so its overflow faults in the
        ** guard just below the stack.  Host code never gets near it:
        ** pa_rt_host_enter refuses to start a host call without headroom. */
        uintptr_t a = (uintptr_t)addr;
        if (T.stack_lo && a < T.stack_lo + 4096 && a + T.guard >= T.stack_lo)
            unwind(WASM_RT_TRAP_EXHAUSTION);
    }
    restore_and_return(sig);
}

static void on_deadline(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)si; (void)uc;
    if (!T.in_guest) return; /* late signal after the call ended */
    if (T.host_depth == 0) unwind(PA_UNWIND_TIMEOUT);
    T.pending = 1;
}

/* Thread exit: delete the timer and the alternate signal stack. */
static void thread_cleanup(void *unused) {
    (void)unused;
    if (T.timer_ok) timer_delete(T.timer);
    stack_t ss = {.ss_flags = SS_DISABLE};
    sigaltstack(&ss, NULL);
    free(T.alt_stack);
    memset(&T, 0, sizeof T);
}

/* Make sure our fault handler is installed.  Other code in the process (test
** frameworks, sanitizers, embedding applications) may replace SIGSEGV's
** handler after we set it; we check before every guarded call and take it
** back, remembering the other handler's disposition as the one to fall back to. */
static int is_ours(int sig) {
    struct sigaction cur;
    return sigaction(sig, NULL, &cur) == 0 && (cur.sa_flags & SA_SIGINFO) &&
           cur.sa_sigaction == on_fault;
}

static int claim_fault_signals(void) {
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    if (is_ours(SIGSEGV) && is_ours(SIGBUS)) return 0; /* the common case */
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    int rc = 0;
    pthread_mutex_lock(&lock);
    static const int sigs[2] = {SIGSEGV, SIGBUS};
    for (int i = 0; i < 2 && rc == 0; i++) {
        if (is_ours(sigs[i])) continue;
        if (sigaction(sigs[i], &sa, &old)) rc = -errno;
        else *(i ? &g_old_bus : &g_old_segv) = old; /* never on_fault itself */
    }
    pthread_mutex_unlock(&lock);
    return rc;
}

static void global_init_once(void) {
    if ((g_init_err = -pthread_key_create(&g_thread_key, thread_cleanup))) return;
    if ((g_init_err = claim_fault_signals())) return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_sigaction = on_deadline;
    /* No SA_RESTART: a sleeping host call must wake.  SA_ONSTACK: the guest
    ** may be right at the end of its stack when the deadline fires. */
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
#if defined(__SANITIZE_ADDRESS__)
    /* ASan warns on stderr when a longjmp leaves an alternate stack; its
    ** builds run the deadline handler on the guest stack instead (they are
    ** test builds: the release build keeps SA_ONSTACK). */
    sa.sa_flags = SA_SIGINFO;
#endif
    if (sigaction(PA_SIG_DEADLINE, &sa, NULL)) g_init_err = -errno;
}

int pa_rt_global_init(void) {
    pthread_once(&g_once, global_init_once);
    return g_init_err;
}

int pa_rt_thread_init(void) {
    if (T.ready) return 0;
    int rc = pa_rt_global_init();
    if (rc) return rc;

    T.alt_stack = malloc(ALT_STACK_SIZE);
    if (!T.alt_stack) return -ENOMEM;
    stack_t ss = {.ss_sp = T.alt_stack, .ss_size = ALT_STACK_SIZE, .ss_flags = 0};
    if (sigaltstack(&ss, NULL)) {
        rc = -errno;
        goto fail;
    }

    pthread_attr_t attr;
    void *lo;
    size_t size, guard = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &lo, &size) == 0) {
            T.stack_lo = (uintptr_t)lo;
            T.stack_hi = (uintptr_t)lo + size;
        }
        pthread_attr_getguardsize(&attr, &guard);
        pthread_attr_destroy(&attr);
    }
    T.guard = guard > 4096 ? guard : 4096;

    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = PA_SIG_DEADLINE;
    sev._sigev_un._tid = gettid();
    if (timer_create(CLOCK_MONOTONIC, &sev, &T.timer)) {
        rc = -errno;
        goto fail;
    }
    T.timer_ok = 1;
    pthread_setspecific(g_thread_key, &T); /* non-NULL so the destructor runs */
    T.ready = 1;
    return 0;
fail:
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    free(T.alt_stack);
    T.alt_stack = NULL;
    return rc;
}

static void arm_timer(uint64_t deadline_ns) {
    struct itimerspec its;
    memset(&its, 0, sizeof its);
    if (deadline_ns) {
        its.it_value.tv_sec = (time_t)(deadline_ns / 1000000000u);
        its.it_value.tv_nsec = (long)(deadline_ns % 1000000000u);
    }
    if (T.timer_ok) timer_settime(T.timer, TIMER_ABSTIME, &its, NULL);
}

void pa_rt_guard_enter(sigjmp_buf *target, const wasm_rt_memory_t *mem, uint64_t deadline_ns) {
    (void)claim_fault_signals();
    T.target = target;
    T.mem_lo = mem ? mem->data : NULL;
    T.mem_hi = mem ? mem->data + PA_RT_RESERVATION : NULL;
    T.host_depth = 0;
    T.pending = 0;
    T.in_guest = 1;
    arm_timer(deadline_ns);
    /* A deadline already in the past fires immediately: that is what we want. */
}

void pa_rt_guard_leave(void) {
    T.in_guest = 0;
    arm_timer(0);
    T.target = NULL;
    T.pending = 0;
    T.host_depth = 0;
}

uint32_t pa_rt_exit_code(void) { return T.exit_code; }
int pa_rt_last_unwind(void) { return T.last_unwind; }

const char *pa_rt_unwind_name(int code) {
    switch (code) {
    case PA_UNWIND_TIMEOUT: return "deadline reached";
    case PA_UNWIND_EXIT: return "guest called proc_exit";
    default: return wasm_rt_strerror((wasm_rt_trap_t)code);
    }
}

/* ---- hostcall.h ----------------------------------------------------------- */

/* Host code needs this much native stack.  Entering it with less while the
** guest is running is treated as the guest's stack exhaustion: host frames
** (some are several KiB, e.g. iovec copies) must never run into, or jump
** over, the guard below the stack. */
#define HOST_STACK_HEADROOM (256u * 1024u)

void pa_rt_host_enter(void) {
    if (T.in_guest && T.host_depth == 0 && T.stack_lo &&
        (uintptr_t)__builtin_frame_address(0) < T.stack_lo + HOST_STACK_HEADROOM)
        unwind(WASM_RT_TRAP_EXHAUSTION); /* no host state exists yet */
    T.host_depth++;
}

void pa_rt_host_leave(void) {
    if (T.host_depth > 0) T.host_depth--;
    if (T.host_depth == 0 && T.pending && T.in_guest) unwind(PA_UNWIND_TIMEOUT);
}

bool pa_rt_interrupt_pending(void) { return T.pending != 0; }

_Noreturn void pa_rt_proc_exit(uint32_t code) {
    T.exit_code = code;
    T.host_depth = 0;
    unwind(PA_UNWIND_EXIT);
}

/* ---- wasm-rt.h: traps, types, exceptions -------------------------------- */

void wasm_rt_init(void) { (void)pa_rt_global_init(); }
bool wasm_rt_is_initialized(void) { return pa_rt_global_init() == 0; }
void wasm_rt_free(void) {}

void wasm_rt_trap(wasm_rt_trap_t code) { unwind((int)code); }

const char *wasm_rt_strerror(wasm_rt_trap_t trap) {
    switch (trap) {
    case WASM_RT_TRAP_NONE: return "no error";
    case WASM_RT_TRAP_OOB: return "out of bounds memory access";
    case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
    case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
    case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASM_RT_TRAP_UNREACHABLE: return "unreachable executed";
    case WASM_RT_TRAP_CALL_INDIRECT: return "indirect call signature mismatch";
    case WASM_RT_TRAP_UNCAUGHT_EXCEPTION: return "uncaught exception";
    case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted";
    }
    return "unknown trap";
}

/* Function types are registered once per process by the module's
** init_module (under pthread_once in instance.c); lookups are read-only. */
typedef struct { uint32_t params, results; wasm_rt_type_t *types; } func_type;
static func_type *g_types;
static uint32_t g_ntypes;
static pthread_mutex_t g_types_lock = PTHREAD_MUTEX_INITIALIZER;

uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...) {
    uint32_t n = params + results;
    wasm_rt_type_t *types = calloc(n ? n : 1, sizeof *types);
    if (!types) abort();
    va_list ap;
    va_start(ap, results);
    for (uint32_t i = 0; i < n; i++) types[i] = (wasm_rt_type_t)va_arg(ap, int);
    va_end(ap);

    pthread_mutex_lock(&g_types_lock);
    for (uint32_t i = 0; i < g_ntypes; i++) {
        if (g_types[i].params == params && g_types[i].results == results &&
            memcmp(g_types[i].types, types, n * sizeof *types) == 0) {
            pthread_mutex_unlock(&g_types_lock);
            free(types);
            return i;
        }
    }
    func_type *grown = realloc(g_types, (g_ntypes + 1) * sizeof *g_types);
    if (!grown) abort();
    g_types = grown;
    g_types[g_ntypes] = (func_type){params, results, types};
    uint32_t idx = g_ntypes++;
    pthread_mutex_unlock(&g_types_lock);
    return idx;
}

/* Our guest is built without wasm exceptions; these exist for the linker. */
static _Thread_local sigjmp_buf *g_unwind_target;
uint32_t wasm_rt_register_tag(uint32_t size) { (void)size; return 0; }
void wasm_rt_load_exception(uint32_t tag, uint32_t size, const void *values) {
    (void)tag; (void)size; (void)values;
}
void wasm_rt_throw(void) { unwind(WASM_RT_TRAP_UNCAUGHT_EXCEPTION); }
WASM_RT_UNWIND_TARGET *wasm_rt_get_unwind_target(void) { return (WASM_RT_UNWIND_TARGET *)g_unwind_target; }
void wasm_rt_set_unwind_target(WASM_RT_UNWIND_TARGET *target) { g_unwind_target = (sigjmp_buf *)target; }
uint32_t wasm_rt_exception_tag(void) { return 0; }
uint32_t wasm_rt_exception_size(void) { return 0; }
void *wasm_rt_exception(void) { return NULL; }

/* ---- memories ------------------------------------------------------------ */

void wasm_rt_allocate_memory(wasm_rt_memory_t *mem, uint32_t initial, uint32_t max) {
    void *p = mmap(NULL, PA_RT_RESERVATION, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) wasm_rt_trap(WASM_RT_TRAP_OOB);
    size_t bytes = (size_t)initial * WASM_PAGE;
    if (bytes && mprotect(p, bytes, PROT_READ | PROT_WRITE)) {
        munmap(p, PA_RT_RESERVATION);
        wasm_rt_trap(WASM_RT_TRAP_OOB);
    }
    mem->data = p;
    mem->pages = initial;
    mem->max_pages = max;
    mem->size = (uint32_t)bytes;
}

/* Grows in place: mem->data never changes for the life of a memory.  The
** translated code relies on that (scripts/split_wasm2c.py caches the base
** pointer per function call), so never reallocate or move a memory here. */
uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *mem, uint32_t delta) {
    uint32_t old = mem->pages;
    if (delta == 0) return old;
    uint64_t want = (uint64_t)old + delta;
    /* max_pages is lowered by the instance layer to the configured cap. */
    /* size is a u32, so 65536 pages (4 GiB) cannot be represented. */
    if (want > mem->max_pages || want > 65535) return UINT32_MAX;
    pa_rt_host_enter(); /* bookkeeping below must not be torn by a deadline */
    int rc = mprotect(mem->data + (size_t)old * WASM_PAGE, (size_t)delta * WASM_PAGE,
                      PROT_READ | PROT_WRITE);
    if (rc == 0) {
        mem->pages = (uint32_t)want;
        mem->size = (uint32_t)(want * WASM_PAGE);
    }
    pa_rt_host_leave();
    return rc == 0 ? old : UINT32_MAX;
}

void wasm_rt_free_memory(wasm_rt_memory_t *mem) {
    if (mem->data) munmap(mem->data, PA_RT_RESERVATION);
    mem->data = NULL;
    mem->size = mem->pages = 0;
}

/* ---- tables ---------------------------------------------------------------- */

/* funcref and externref tables differ only in their element type. */
#define DEFINE_TABLE(kind, elem)                                                        \
    void wasm_rt_allocate_##kind##_table(wasm_rt_##kind##_table_t *t, uint32_t n,      \
                                         uint32_t max) {                               \
        t->data = calloc(n ? n : 1, sizeof(elem));                                     \
        if (!t->data) wasm_rt_trap(WASM_RT_TRAP_OOB);                                  \
        t->size = n;                                                                   \
        t->max_size = max;                                                             \
    }                                                                                  \
    void wasm_rt_free_##kind##_table(wasm_rt_##kind##_table_t *t) {                    \
        free(t->data);                                                                 \
        t->data = NULL;                                                                \
        t->size = 0;                                                                   \
    }
DEFINE_TABLE(funcref, wasm_rt_funcref_t)
DEFINE_TABLE(externref, wasm_rt_externref_t)

#define DEFINE_GROW(kind, elem)                                                   \
    uint32_t wasm_rt_grow_##kind##_table(wasm_rt_##kind##_table_t *t, uint32_t delta, \
                                         elem init) {                             \
        uint32_t old = t->size;                                                   \
        uint64_t want = (uint64_t)old + delta;                                    \
        if (want > t->max_size || want > (1u << 20)) return UINT32_MAX;           \
        if (delta == 0) return old;                                               \
        pa_rt_host_enter();                                                       \
        elem *d = realloc(t->data, (size_t)want * sizeof *d);                     \
        if (d) {                                                                  \
            for (uint64_t i = old; i < want; i++) d[i] = init;                    \
            t->data = d;                                                          \
            t->size = (uint32_t)want;                                             \
        }                                                                         \
        pa_rt_host_leave();                                                       \
        return d ? old : UINT32_MAX;                                              \
    }
DEFINE_GROW(funcref, wasm_rt_funcref_t)
DEFINE_GROW(externref, wasm_rt_externref_t)
