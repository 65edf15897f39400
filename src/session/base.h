/*
** base.h — the base image every fresh execution and new session starts from,
** and where PolyAgent keeps state on disk.
**
** State directory: $POLYAGENT_STATE_DIR, else $XDG_STATE_HOME/polyagent,
** else ~/.local/state/polyagent.  It holds images/ (base images, named by
** guest build and prepare code) and sessions/ (session files, store.h).
** Sessions are saved against one image, so the two live side by side.
*/
#ifndef PA_SESSION_BASE_H
#define PA_SESSION_BASE_H

#include <stddef.h>

#include "runtime/pa_runtime.h"

/* The default state directory into buf; 0 or -ENAMETOOLONG/-ENOENT (no
** HOME and nothing set). */
int pa_state_dir_default(char *buf, size_t len);

/* Open the base image of state_dir, building it first if there is none
** (about a quarter of a second, once).  0, or -1 with err set. */
int pa_base_image_open(const char *state_dir, pa_image **out, char *err, size_t errlen);

/* The Python run once before the snapshot is taken: the modules agents use
** most, imported, then the heap frozen so later collections skip it. */
extern const char pa_base_prepare[];

#endif
