/*
** hostdir.c — reading a host directory tree for the guest (see hostdir.h).
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "hostdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void pa_hostdir_free(pa_hostdir *d) {
    for (size_t i = 0; i < d->n; i++) {
        free(d->e[i].path);
        free(d->e[i].data);
    }
    free(d->e);
    memset(d, 0, sizeof *d);
}

static int add(pa_hostdir *d, const char *path, uint8_t *data, size_t len, int is_dir) {
    if (d->n >= PA_HOSTDIR_MAX_FILES) return -1;
    if (d->n == d->cap) {
        size_t c = d->cap ? d->cap * 2 : 64;
        pa_ro_entry *e = realloc(d->e, c * sizeof *e);
        if (!e) return -1;
        d->e = e;
        d->cap = c;
    }
    char *p = strdup(path);
    if (!p) return -1;
    d->e[d->n++] = (pa_ro_entry){p, data, len, is_dir};
    return 0;
}

static int read_file(int fd, uint64_t budget, uint8_t **out, size_t *len) {
    size_t cap = 4096, n = 0;
    uint8_t *b = malloc(cap);
    if (!b) return -1;
    for (;;) {
        if (n == cap) {
            if (cap >= budget) { free(b); return -2; }
            cap = cap * 2 > budget ? (size_t)budget : cap * 2;
            uint8_t *nb = realloc(b, cap);
            if (!nb) { free(b); return -1; }
            b = nb;
        }
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) { free(b); return -1; }
        if (r == 0) break;
        n += (size_t)r;
    }
    *out = b;
    *len = n;
    return 0;
}

/* Walk the directory open on dfd, whose guest path is gpath. */
static int walk(pa_hostdir *d, int dfd, dev_t dev, const char *gpath, unsigned depth, char *err, size_t errlen) {
    if (depth > PA_HOSTDIR_MAX_DEPTH) {
        snprintf(err, errlen, "%s: deeper than %u levels", gpath, PA_HOSTDIR_MAX_DEPTH);
        return -1;
    }
    int dup_fd = dup(dfd);
    DIR *dir = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (!dir) {
        if (dup_fd >= 0) close(dup_fd);
        snprintf(err, errlen, "%s: %s", gpath, strerror(errno));
        return -1;
    }
    int rc = 0;
    struct dirent *de;
    while (rc == 0 && (de = readdir(dir))) {
        const char *name = de->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
        char child[4200];
        if (snprintf(child, sizeof child, "%s/%s", gpath, name) >= 4096) { d->skipped++; continue; }
        /* O_NOFOLLOW|O_PATH first: decide by what it is, never by a name. */
        int fd = openat(dfd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0) {
            if (fd >= 0) close(fd);
            d->skipped++;
            continue;
        }
        close(fd);
        if (st.st_dev != dev) { d->skipped++; continue; } /* another file system */
        if (S_ISDIR(st.st_mode)) {
            int sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            struct stat st2;
            if (sub < 0 || fstat(sub, &st2) != 0 || st2.st_ino != st.st_ino || st2.st_dev != st.st_dev) {
                if (sub >= 0) close(sub);
                d->skipped++; /* changed under us */
                continue;
            }
            rc = add(d, child, NULL, 0, 1);
            if (rc == 0) rc = walk(d, sub, dev, child, depth + 1, err, errlen);
            else snprintf(err, errlen, "more than %u entries", PA_HOSTDIR_MAX_FILES);
            close(sub);
        } else if (S_ISREG(st.st_mode) && st.st_nlink == 1) {
            int f = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
            struct stat st2;
            if (f < 0 || fstat(f, &st2) != 0 || !S_ISREG(st2.st_mode) || st2.st_ino != st.st_ino ||
                st2.st_nlink != 1) {
                if (f >= 0) close(f);
                d->skipped++;
                continue;
            }
            uint8_t *data = NULL;
            size_t len = 0;
            int r = read_file(f, PA_HOSTDIR_MAX_BYTES - d->bytes, &data, &len);
            close(f);
            if (r == -2) {
                snprintf(err, errlen, "mounted files exceed %llu MiB", (unsigned long long)(PA_HOSTDIR_MAX_BYTES >> 20));
                rc = -1;
            } else if (r) {
                snprintf(err, errlen, "%s: %s", child, strerror(errno));
                rc = -1;
            } else if (add(d, child, data, len, 0)) {
                free(data);
                snprintf(err, errlen, "more than %u entries", PA_HOSTDIR_MAX_FILES);
                rc = -1;
            } else {
                d->bytes += len;
            }
        } else {
            d->skipped++; /* links, multiply linked files, devices, FIFOs, sockets */
        }
    }
    closedir(dir);
    return rc;
}

static int guest_path_ok(const char *g) {
    if (g[0] != '/' || g[1] == 0 || strlen(g) >= 1024) return 0;
    if (!strncmp(g, "/lib", 4) && (g[4] == 0 || g[4] == '/')) return 0;
    if (!strncmp(g, "/tmp", 4) && (g[4] == 0 || g[4] == '/')) return 0;
    for (const char *p = g; *p; p++) {
        if (*p != '/') continue;
        const char *c = p + 1;
        size_t n = strcspn(c, "/");
        if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.')) return 0;
    }
    return 1;
}

int pa_hostdir_load(pa_hostdir *d, const char *host, const char *guest, char *err, size_t errlen) {
    if (!guest_path_ok(guest)) {
        snprintf(err, errlen, "guest path %s: must be absolute and normalized, not / and not under /lib or /tmp", guest);
        return -1;
    }
    int fd = open(host, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(err, errlen, "%s: %s", host, strerror(errno));
        if (fd >= 0) close(fd);
        return -1;
    }
    int rc = add(d, guest, NULL, 0, 1);
    if (rc) snprintf(err, errlen, "out of memory");
    else rc = walk(d, fd, st.st_dev, guest, 0, err, errlen);
    close(fd);
    return rc;
}
