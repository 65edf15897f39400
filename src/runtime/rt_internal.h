/*
** rt_internal.h — private interface between our wasm-rt implementation
** (wasm_rt_impl.c) and the instance layer (instance.c).
**
** A guest call runs inside a "guarded call": the calling thread records an
** unwind target, the guest's memory reservation and its own stack bounds in
** thread-local state.  Traps (explicit, memory faults, native stack overflow)
** and the wall-clock deadline all end in a siglongjmp back to that target with
** one of the codes below.  Thread-local state is what makes instances on
** different threads independent: no trap or deadline crosses threads.
*/
#ifndef PA_RUNTIME_RT_INTERNAL_H
#define PA_RUNTIME_RT_INTERNAL_H

#include <setjmp.h>
#include <stdint.h>
#include "wasm-rt.h"

/* Unwind codes beyond wasm_rt_trap_t. */
enum {
    PA_UNWIND_TIMEOUT = 100, /* wall-clock deadline reached */
    PA_UNWIND_EXIT = 101,    /* guest called proc_exit */
};

/* Install process-wide signal handlers once; 0 or -errno. */
int pa_rt_global_init(void);

/* Prepare the calling thread (alternate signal stack, stack bounds, timer).
** Idempotent per thread; 0 or -errno. */
int pa_rt_thread_init(void);

/* Enter/leave a guarded call.  `mem` is the guest memory whose reservation
** turns faults into out-of-bounds traps.  `deadline_ns` is an absolute
** CLOCK_MONOTONIC time, 0 for none. */
void pa_rt_guard_enter(sigjmp_buf *target, const wasm_rt_memory_t *mem, uint64_t deadline_ns);
void pa_rt_guard_leave(void);

/* Exit code passed to pa_rt_proc_exit() by the last PA_UNWIND_EXIT. */
uint32_t pa_rt_exit_code(void);

/* Code (wasm_rt_trap_t or PA_UNWIND_*) of the last unwind on this thread.
** siglongjmp always passes 1: C allows sigsetjmp's value only in a bare
** comparison, so the code travels here instead. */
int pa_rt_last_unwind(void);

/* Human-readable name of an unwind code. */
const char *pa_rt_unwind_name(int code);

/* Bytes reserved for each linear memory: 4 GiB of addresses plus 4 GiB so
** that wasm2c's unchecked "addr + offset" accesses always land inside. */
#define PA_RT_RESERVATION (UINT64_C(8) << 30)

uint64_t pa_rt_now_ns(void);

#endif
