/*
** instance_int.h — private to src/runtime/: the instance struct, shared by
** instance.c (life cycle, exec) and image.c (snapshots, session state).
*/
#ifndef PA_RUNTIME_INSTANCE_INT_H
#define PA_RUNTIME_INSTANCE_INT_H

#include "pa_runtime.h"
#include "w2c_module.h"
#include "wasi/wasi.h"

struct pa_instance {
    Z_python_instance_t mod;
    pa_wasi *wasi;
    int dead;
    int stdin_stale;      /* sys.stdin may hold an earlier call's input */
    int pristine;         /* exactly the image's state (nothing ran since) */
    pa_image *image;      /* borrowed; NULL if initialised from scratch */
    /* capture state of the current call */
    pa_buffer cap[2];
    size_t cap_alloc[2];  /* allocated bytes of cap[i].data */
    size_t cap_limit;
    pa_output_fn on_output;
    void *output_ud;
};

/* Run fn(in, arg) as guest code: traps, faults and the deadline (absolute
** CLOCK_MONOTONIC ns, 0 = none) unwind back here.  0, or the unwind code
** (the instance is then dead). */
typedef void (*pa_guest_fn)(pa_instance *in, void *arg);
int pa_call_guarded(pa_instance *in, uint64_t deadline_ns, pa_guest_fn fn, void *arg);

/* image.c: map the image into a just-instantiated instance (first time) or
** back over a used one; restore globals and WASI state; reseed.  0 or -1. */
int pa_image_apply(pa_instance *in, int first, char *err, size_t errlen);

#endif
