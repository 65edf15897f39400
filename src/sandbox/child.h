/*
** child.h — run a function in a confined child process, with a supervisor
** (the caller) that enforces a hard deadline with SIGKILL.
**
** The child is spawned in new namespaces (confine.h), confines itself, then
** runs fn.  Its stdout/stderr are the caller's (output streams straight
** through); a pipe carries a report back: 4 bytes of active layers (or
** 0xFFFFFFFF and a message if confinement failed), then whatever fn writes
** to the fd it is given.  The deadline does not depend on the child: a
** child that hangs, spins or is wedged in the kernel is killed on time.
** It is two windows of deadline_s: set-up, until the layer word arrives,
** and the run, from its arrival; so a run is never cut short because a
** busy machine was slow to start it.
*/
#ifndef PA_SANDBOX_CHILD_H
#define PA_SANDBOX_CHILD_H

#include <stdbool.h>
#include <stddef.h>

#include "confine.h"

typedef struct pa_child_result {
    bool confined;        /* confinement succeeded */
    unsigned layers;      /* active layers (confined) */
    bool exited;          /* exited normally with `status` */
    int status;
    int signal;           /* else: killed by this signal */
    bool deadline;        /* we killed it at the deadline */
    double elapsed_ms;
    char *data;           /* fn's report (or the confinement error) */
    size_t len;
} pa_child_result;

/* fn runs in the confined child; its return value is the exit status.
** report_fd is where it writes its report; layers are those active. */
typedef int (*pa_child_fn)(void *ud, int report_fd, unsigned layers);

/* 0 with *out filled (free out->data), or -1 with err set when no child
** could be started.  opts->keep_fds is extended with the report pipe;
** negative entries are ignored.  deadline_s: 0 = none; else each of the
** two windows (so at most 2 * deadline_s in all).  elapsed_ms counts both. */
int pa_child_run(const pa_confine_opts *opts, double deadline_s, pa_child_fn fn, void *ud,
                 pa_child_result *out, char *err, size_t errlen);

#endif
