/*
** pagemap.h — private to src/runtime/: which pages of a mapping are ours.
**
** /proc/self/pagemap tells, per 4 KiB page, whether it is present and
** whether it is backed by a file.  In an instance's MAP_PRIVATE view of its
** image, a page that is present and not file-backed has been copied on
** write (or, beyond the image, touched) since the view was made: it may
** differ from the image.  Every page the guest wrote is such a page.
*/
#ifndef PA_RUNTIME_PAGEMAP_H
#define PA_RUNTIME_PAGEMAP_H

#include <stdint.h>

#define PA_OS_PAGE 4096u

/* Call fn(ud, i) for every page i in [0, npages) of `base` that may be
** private (see above), in increasing order; fn returns 0 to go on.
** Returns 0, fn's non-zero value, -1 if the kernel does not tell (no
** /proc; fn was not called), or -2 if reading failed part-way. */
typedef int (*pa_page_fn)(void *ud, uint32_t page);
int pa_pagemap_private(const uint8_t *base, uint32_t npages, pa_page_fn fn, void *ud);

#endif
