/*
** wasi_stubs.c — stand-ins for the runtime's host-call contract
** (src/runtime/hostcall.h), so the WASI layer can be unit-tested alone.
**
** They record what the WASI code does with the contract: how often it
** enters host code, the current nesting depth (must be back to 0 after
** every import), and whether an interrupt is pending, which tests set from
** another thread.  pa_rt_proc_exit longjmps back to the test that armed
** pa_stub_exit_jmp.
*/
#include <setjmp.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#include "runtime/hostcall.h"

int pa_stub_depth;
unsigned long pa_stub_enters;
atomic_int pa_stub_interrupt;
jmp_buf *pa_stub_exit_jmp;
uint32_t pa_stub_exit_code;
int pa_stub_depth_at_exit;

void pa_rt_host_enter(void) {
    pa_stub_depth++;
    pa_stub_enters++;
}

void pa_rt_host_leave(void) {
    if (pa_stub_depth <= 0) abort(); /* unbalanced bracket */
    pa_stub_depth--;
}

bool pa_rt_interrupt_pending(void) { return atomic_load(&pa_stub_interrupt) != 0; }

_Noreturn void pa_rt_proc_exit(uint32_t code) {
    pa_stub_exit_code = code;
    pa_stub_depth_at_exit = pa_stub_depth;
    if (pa_stub_exit_jmp) longjmp(*pa_stub_exit_jmp, 1);
    abort();
}
