/*
** hostcall.h — the contract between host imports (WASI) and the runtime.
**
** Guest code can be interrupted asynchronously (wall-clock deadline).  The
** runtime may unwind straight out of translated guest code, but never out of
** the middle of a host call: a host function may hold locks, half-written
** buffers or a malloc in progress.  Every import therefore brackets its body
** with pa_rt_host_enter()/pa_rt_host_leave().  An interrupt that arrives
** inside a host call is recorded and delivered by pa_rt_host_leave(), which
** then does not return.  Long host waits (sleeps in poll_oneoff) poll
** pa_rt_interrupt_pending() and return early when it is set.
*/
#ifndef PA_RUNTIME_HOSTCALL_H
#define PA_RUNTIME_HOSTCALL_H

#include <stdbool.h>
#include <stdint.h>

/* Mark entry into host code.  Nestable.  Async-signal-safe. */
void pa_rt_host_enter(void);

/* Mark exit from host code.  If an interrupt became pending while inside,
** this unwinds the guest call (does not return). */
void pa_rt_host_leave(void);

/* True once the current guest call has been asked to stop. */
bool pa_rt_interrupt_pending(void);

/* Abandon the current guest call because the guest asked to exit the whole
** process (WASI proc_exit).  The instance is dead afterwards.  Never returns. */
_Noreturn void pa_rt_proc_exit(uint32_t code);

#endif
