/*
** base.c — locating and building the base image (see base.h).
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "base.h"
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Imported before the snapshot: what agents reach for first.  Importing is
** most of a cold start's cost, and a module in the image costs a fresh run
** nothing until it touches it.  gc.freeze() moves everything allocated so
** far out of the collector's sight: a collection would otherwise walk (and
** so write to) every object of the image, copying every page on write. */
const char pa_base_prepare[] =
    "import abc, array, base64, binascii, bisect, calendar, cmath, codecs, collections\n"
    "import collections.abc, contextlib, copy, csv, dataclasses, datetime, decimal\n"
    "import difflib, enum, fnmatch, fractions, functools, glob, hashlib, heapq, hmac\n"
    "import html, io, itertools, json, keyword, linecache, locale, math, numbers\n"
    "import operator, os, pathlib, pprint, random, re, secrets, shlex, statistics\n"
    "import string, struct, tempfile, textwrap, time, traceback, types, typing\n"
    "import unicodedata, uuid, warnings, weakref, zlib\n"
    "import gc\n"
    "gc.collect()\n"
    "gc.freeze()\n";

int pa_state_dir_default(char *buf, size_t len) {
    const char *d = getenv("POLYAGENT_STATE_DIR"), *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");
    int n;
    if (d && *d) n = snprintf(buf, len, "%s", d);
    else if (x && *x) n = snprintf(buf, len, "%s/polyagent", x);
    else if (h && *h) n = snprintf(buf, len, "%s/.local/state/polyagent", h);
    else return -ENOENT;
    return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* Images of other guest builds: no binary of this build can use them (and
** sessions saved against them cannot be restored by it), 17 MB each. */
static void remove_old_images(const char *dir, const char *keep) {
    DIR *d = opendir(dir);
    struct dirent *e;
    const char *base = strrchr(keep, '/') + 1;
    while (d && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        /* Whole images only: "base-*.img.XXXXXX" is another process's build. */
        if (n > 9 && !strncmp(e->d_name, "base-", 5) && !strcmp(e->d_name + n - 4, ".img") &&
            strcmp(e->d_name, base) != 0)
            unlinkat(dirfd(d), e->d_name, 0);
    }
    if (d) closedir(d);
}

int pa_base_image_open(const char *state_dir, pa_image **out, char *err, size_t errlen) {
    char dir[4096], path[4200];
    uint32_t h = 2166136261u; /* FNV-1a of the prepare code: part of the name */
    for (const char *p = pa_base_prepare; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
    if (snprintf(dir, sizeof dir, "%s/images", state_dir) >= (int)sizeof dir) {
        snprintf(err, errlen, "state directory path too long");
        return -1;
    }
    snprintf(path, sizeof path, "%s/base-%s-%08x.img", dir, pa_guest_build_id(), h);
    if (pa_image_open(path, out, err, errlen) == 0) return 0;
    int rc = pa_store_mkdirs(dir);
    if (rc) {
        snprintf(err, errlen, "cannot create %s: %s", dir, strerror(-rc));
        return -1;
    }
    if (pa_image_build(path, pa_base_prepare, err, errlen)) return -1;
    remove_old_images(dir, path);
    return pa_image_open(path, out, err, errlen);
}
