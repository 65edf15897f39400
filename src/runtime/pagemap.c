/*
** pagemap.c — private pages of a mapping, from /proc/self/pagemap.
**
** The file is opened once per process and kept: a sandboxed worker may
** lose access to /proc later, and the open descriptor still works.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "pagemap.h"
#include "pa_runtime.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#define PM_PRESENT (1ull << 63)
#define PM_SWAPPED (1ull << 62)
#define PM_FILE (1ull << 61)
#define BATCH 1024u

/* The descriptor describes the process that opened it, not whoever reads
** it: a forked child reading its parent's pagemap would see none of its
** own writes.  So it is tied to a pid, and a new process opens its own. */
static int g_fd = -1;
static pid_t g_pid;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

/* Always opens anew: it is called on entering a sandbox process, which may
** have been forked from a process that had one open (and in a new pid
** namespace a child can even have its parent's pid number). */
int pa_runtime_preopen(void) {
    pthread_mutex_lock(&g_lock);
    g_fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    g_pid = getpid();
    int fd = g_fd;
    pthread_mutex_unlock(&g_lock);
    return fd;
}

int pa_pagemap_private(const uint8_t *base, uint32_t npages, pa_page_fn fn, void *ud) {
    pthread_mutex_lock(&g_lock);
    if (g_pid != getpid()) { /* first use in this process */
        g_fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
        g_pid = getpid();
    }
    int fd = g_fd;
    pthread_mutex_unlock(&g_lock);
    if (fd < 0) return -1;
    uint64_t ent[BATCH];
    for (uint32_t p = 0; p < npages;) {
        uint32_t n = npages - p < BATCH ? npages - p : BATCH;
        off_t off = (off_t)(((uintptr_t)base / PA_OS_PAGE + p) * sizeof(uint64_t));
        if (pread(fd, ent, n * sizeof ent[0], off) != (ssize_t)(n * sizeof ent[0]))
            return p == 0 ? -1 : -2; /* -2: fn saw some pages, so no fallback */
        for (uint32_t i = 0; i < n; i++) {
            uint64_t e = ent[i];
            if (((e & PM_PRESENT) && !(e & PM_FILE)) || (e & PM_SWAPPED)) {
                int rc = fn(ud, p + i);
                if (rc) return rc;
            }
        }
        p += n;
    }
    return 0;
}
