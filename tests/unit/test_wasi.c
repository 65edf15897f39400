/*
** test_wasi.c — unit tests of the WASI preview1 layer (src/wasi/).
**
** The imports are called directly, as the generated code would, against a
** fake guest memory: a malloc'd block of exactly MEMSZ bytes, so that under
** -fsanitize=address any host access outside guest memory is caught.  The
** host-call contract is stubbed in wasi_stubs.c.
**
** Guest memory map used by the helpers:
**   RES   0x0100  result slots (nread, fd, ...)
**   PATH  0x1000  first path argument      PATH2 0x3000  second one
**   IOV   0x5000  iovec arrays             SUBS  0x6000  subscriptions
**   EVS   0x7000  poll events              BUF   0x8000  data to write
**   BUF2  0x40000 read buffers
*/
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "wasi/wasi.h"
#include "wasi/wasi_abi.h"
#include "wasi/wasi_imports.h"
#include "wasi/wasi_impl.h" /* quota counters and refcounts, for the snapshot tests */

/* ---- stubs (wasi_stubs.c) ---- */
extern int pa_stub_depth;
extern unsigned long pa_stub_enters;
extern atomic_int pa_stub_interrupt;
extern jmp_buf *pa_stub_exit_jmp;
extern uint32_t pa_stub_exit_code;
extern int pa_stub_depth_at_exit;

#define W_(name) Z_wasi_snapshot_preview1Z_##name

#define MEMSZ (1u << 20)
enum {
    RES = 0x100,
    PATH = 0x1000,
    PATH2 = 0x3000,
    IOV = 0x5000,
    SUBS = 0x6000,
    EVS = 0x7000,
    BUF = 0x8000,
    BUF2 = 0x40000,
};

/* Rights as wasi-libc requests them for each access mode. */
#define R_WRITESET                                                        \
    (PA_RIGHT_FD_DATASYNC | PA_RIGHT_FD_WRITE | PA_RIGHT_FD_ALLOCATE |   \
     PA_RIGHT_FD_FILESTAT_SET_SIZE)
#define R_RDONLY (PA_RIGHTS_ALL & ~R_WRITESET)
#define R_RDWR PA_RIGHTS_ALL
#define R_WRONLY (PA_RIGHTS_ALL & ~(PA_RIGHT_FD_READ | PA_RIGHT_FD_READDIR))

static const char ZIPDATA[] = "PK\x03\x04 pretend this is the stdlib zip";

static wasm_rt_memory_t mem;
static uint8_t *M;
static pa_wasi *W;
static char out1[65536], out2[65536];
static size_t out1_len, out2_len;
static int out_order[64];
static int out_calls;

static void capture(void *ud, int fd, const uint8_t *data, size_t len) {
    assert_ptr_equal(ud, &out1);
    if (out_calls < 64) out_order[out_calls] = fd;
    out_calls++;
    char *dst = fd == 1 ? out1 : out2;
    size_t *n = fd == 1 ? &out1_len : &out2_len;
    assert_true(fd == 1 || fd == 2);
    assert_true(*n + len <= sizeof out1);
    memcpy(dst + *n, data, len);
    *n += len;
}

static pa_wasi *make(uint64_t max_bytes, uint32_t max_files) {
    pa_wasi_config cfg = {capture, &out1, max_bytes, max_files};
    pa_wasi *w = pa_wasi_new(&cfg);
    assert_non_null(w);
    pa_wasi_set_memory(w, &mem);
    assert_int_equal(pa_wasi_add_ro_file(w, "/lib/python311.zip",
                                         (const uint8_t *)ZIPDATA,
                                         sizeof ZIPDATA - 1),
                     0);
    return w;
}

static int setup(void **state) {
    (void)state;
    M = malloc(MEMSZ);
    assert_non_null(M);
    memset(M, 0, MEMSZ);
    mem.data = M;
    mem.pages = MEMSZ / 65536;
    mem.max_pages = MEMSZ / 65536;
    mem.size = MEMSZ;
    out1_len = out2_len = 0;
    out_calls = 0;
    pa_stub_depth = 0;
    atomic_store(&pa_stub_interrupt, 0);
    W = make(0, 0);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    pa_wasi_free(W);
    W = NULL;
    free(M);
    M = NULL;
    assert_int_equal(pa_stub_depth, 0); /* every enter had its leave */
    return 0;
}

/* ---- guest memory helpers ---- */

static uint32_t u32at(uint32_t off) {
    uint32_t v;
    memcpy(&v, M + off, 4);
    return v;
}
static uint64_t u64at(uint32_t off) {
    uint64_t v;
    memcpy(&v, M + off, 8);
    return v;
}
static uint16_t u16at(uint32_t off) {
    uint16_t v;
    memcpy(&v, M + off, 2);
    return v;
}
static void set32(uint32_t off, uint32_t v) { memcpy(M + off, &v, 4); }
static void set64(uint32_t off, uint64_t v) { memcpy(M + off, &v, 8); }
static void set16(uint32_t off, uint16_t v) { memcpy(M + off, &v, 2); }
static void iov(uint32_t at, uint32_t i, uint32_t ptr, uint32_t len) {
    set32(at + 8 * i, ptr);
    set32(at + 8 * i + 4, len);
}

static uint32_t open_at(pa_wasi *w, uint32_t dirfd, const char *path,
                        uint32_t oflags, uint64_t rights, uint32_t fdflags,
                        uint32_t *fd) {
    size_t n = strlen(path);
    memcpy(M + PATH, path, n);
    set32(RES, 0xdeadbeef);
    uint32_t rc = W_(path_open)(w, dirfd, PA_LOOKUP_SYMLINK_FOLLOW, PATH,
                                (uint32_t)n, oflags, rights, PA_RIGHTS_ALL,
                                fdflags, RES);
    if (fd) *fd = rc ? 0xdeadbeef : u32at(RES);
    return rc;
}
#define OPEN(path, of, r, ff, fdp) open_at(W, 3, path, of, r, ff, fdp)

static uint32_t wr_at(pa_wasi *w, uint32_t fd, const void *data, size_t n) {
    memcpy(M + BUF, data, n);
    iov(IOV, 0, BUF, (uint32_t)n);
    set32(RES, 0xdeadbeef);
    uint32_t rc = W_(fd_write)(w, fd, IOV, 1, RES);
    if (rc == 0) assert_int_equal(u32at(RES), n);
    return rc;
}
#define WR(fd, s) wr_at(W, fd, s, strlen(s))

/* Read up to n bytes into BUF2 (zeroed first); returns errno, *got set. */
static uint32_t rd_at(pa_wasi *w, uint32_t fd, uint32_t n, uint32_t *got) {
    memset(M + BUF2, 0, n + 1);
    iov(IOV, 0, BUF2, n);
    set32(RES, 0xdeadbeef);
    uint32_t rc = W_(fd_read)(w, fd, IOV, 1, RES);
    *got = rc ? 0 : u32at(RES);
    return rc;
}
#define RD(fd, n, got) rd_at(W, fd, n, got)

static uint32_t path_call(uint32_t (*fn)(pa_wasi *, uint32_t, uint32_t,
                                         uint32_t),
                          uint32_t dirfd, const char *path) {
    size_t n = strlen(path);
    memcpy(M + PATH, path, n);
    return fn(W, dirfd, PATH, (uint32_t)n);
}
#define MKDIR(p) path_call(W_(path_create_directory), 3, p)
#define RMDIR(p) path_call(W_(path_remove_directory), 3, p)
#define UNLINK(p) path_call(W_(path_unlink_file), 3, p)

static uint32_t rename_at(uint32_t ofd, const char *a, uint32_t nfd,
                          const char *b) {
    memcpy(M + PATH, a, strlen(a));
    memcpy(M + PATH2, b, strlen(b));
    return W_(path_rename)(W, ofd, PATH, (uint32_t)strlen(a), nfd, PATH2,
                           (uint32_t)strlen(b));
}
#define RENAME(a, b) rename_at(3, a, 3, b)

/* Filestat of a path into RES..RES+64; returns errno. */
static uint32_t stat_path(const char *p) {
    memcpy(M + PATH, p, strlen(p));
    return W_(path_filestat_get)(W, 3, 1, PATH, (uint32_t)strlen(p), RES);
}

static uint32_t create_file(const char *path, const char *content) {
    uint32_t fd;
    uint32_t rc = OPEN(path, PA_OFLAG_CREAT | PA_OFLAG_TRUNC, R_RDWR, 0, &fd);
    if (rc) return rc;
    rc = WR(fd, content);
    assert_int_equal(W_(fd_close)(W, fd), 0);
    return rc;
}

static uint64_t mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- stdio ---- */

static void test_stdout_stderr_capture(void **state) {
    (void)state;
    memcpy(M + BUF, "hello, world", 12);
    iov(IOV, 0, BUF, 5);
    iov(IOV, 1, BUF, 0); /* empty iovecs are skipped */
    iov(IOV, 2, BUF + 5, 7);
    assert_int_equal(W_(fd_write)(W, 1, IOV, 3, RES), 0);
    assert_int_equal(u32at(RES), 12);
    assert_int_equal(WR(2, "oops\n"), 0);
    assert_int_equal(WR(1, "!"), 0);
    assert_int_equal(out1_len, 13);
    assert_memory_equal(out1, "hello, world!", 13);
    assert_int_equal(out2_len, 5);
    assert_memory_equal(out2, "oops\n", 5);
    assert_int_equal(out_calls, 4);
    assert_int_equal(out_order[0], 1);
    assert_int_equal(out_order[2], 2);
    assert_int_equal(out_order[3], 1);
    /* Zero iovecs: success, nothing written. */
    assert_int_equal(W_(fd_write)(W, 1, IOV, 0, RES), 0);
    assert_int_equal(u32at(RES), 0);
}

static void test_stdin_read_then_eof(void **state) {
    (void)state;
    uint32_t got;
    assert_int_equal(RD(0, 10, &got), 0); /* empty stdin: EOF at once */
    assert_int_equal(got, 0);
    assert_int_equal(pa_wasi_set_stdin(W, (const uint8_t *)"hello world", 11), 0);
    assert_int_equal(RD(0, 5, &got), 0);
    assert_int_equal(got, 5);
    assert_memory_equal(M + BUF2, "hello", 5);
    /* Scatter the rest over two iovecs. */
    iov(IOV, 0, BUF2, 2);
    iov(IOV, 1, BUF2 + 100, 100);
    assert_int_equal(W_(fd_read)(W, 0, IOV, 2, RES), 0);
    assert_int_equal(u32at(RES), 6);
    assert_memory_equal(M + BUF2, " w", 2);
    assert_memory_equal(M + BUF2 + 100, "orld", 4);
    assert_int_equal(RD(0, 10, &got), 0);
    assert_int_equal(got, 0);
    assert_int_equal(RD(0, 10, &got), 0);
    assert_int_equal(got, 0);
    /* Replacing the contents starts over. */
    assert_int_equal(pa_wasi_set_stdin(W, (const uint8_t *)"xy", 2), 0);
    assert_int_equal(RD(0, 10, &got), 0);
    assert_int_equal(got, 2);
    assert_memory_equal(M + BUF2, "xy", 2);
    assert_int_equal(pa_wasi_set_stdin(W, NULL, 0), 0);
    assert_int_equal(RD(0, 10, &got), 0);
    assert_int_equal(got, 0);
}

static void test_stdio_errors_and_fdstat(void **state) {
    (void)state;
    uint32_t got;
    assert_int_equal(WR(0, "x"), PA_WASI_EBADF);
    assert_int_equal(RD(1, 4, &got), PA_WASI_EBADF);
    assert_int_equal(RD(2, 4, &got), PA_WASI_EBADF);
    for (uint32_t fd = 0; fd < 3; fd++) {
        assert_int_equal(W_(fd_seek)(W, fd, 0, PA_WHENCE_CUR, RES),
                         PA_WASI_ESPIPE);
        assert_int_equal(W_(fd_tell)(W, fd, RES), PA_WASI_ESPIPE);
        iov(IOV, 0, BUF, 1);
        assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, 0, RES), PA_WASI_ESPIPE);
        assert_int_equal(W_(fd_pwrite)(W, fd, IOV, 1, 0, RES),
                         PA_WASI_ESPIPE);
        assert_int_equal(W_(fd_fdstat_get)(W, fd, RES), 0);
        assert_int_equal(M[RES], PA_WASI_FILETYPE_CHARACTER_DEVICE);
        uint64_t rights = u64at(RES + 8);
        /* wasi-libc's isatty(): char device AND no seek/tell rights. */
        assert_true(rights & (PA_RIGHT_FD_SEEK | PA_RIGHT_FD_TELL));
        assert_true(rights & (fd == 0 ? PA_RIGHT_FD_READ : PA_RIGHT_FD_WRITE));
        assert_false(rights & (fd == 0 ? PA_RIGHT_FD_WRITE : PA_RIGHT_FD_READ));
        assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
        assert_int_equal(M[RES + 16], PA_WASI_FILETYPE_CHARACTER_DEVICE);
        assert_int_equal(W_(fd_sync)(W, fd), PA_WASI_EINVAL);
        assert_int_equal(W_(fd_advise)(W, fd, 0, 0, 0), PA_WASI_ESPIPE);
        assert_int_equal(W_(fd_allocate)(W, fd, 0, 1), PA_WASI_ESPIPE);
        assert_int_equal(W_(fd_readdir)(W, fd, BUF, 100, 0, RES),
                         PA_WASI_ENOTDIR);
    }
    assert_int_equal(W_(fd_fdstat_set_flags)(W, 1, PA_FDFLAG_NONBLOCK), 0);
    assert_int_equal(W_(fd_fdstat_set_flags)(W, 1, 0x20), PA_WASI_EINVAL);
    assert_int_equal(WR(1, "still works"), 0);
    assert_int_equal(W_(fd_close)(W, 99), PA_WASI_EBADF);
    assert_int_equal(WR(99, "x"), PA_WASI_EBADF);
    assert_int_equal(WR(0xffffffffu, "x"), PA_WASI_EBADF);
}

static void test_prestat_and_args(void **state) {
    (void)state;
    assert_int_equal(W_(fd_prestat_get)(W, 3, RES), 0);
    assert_int_equal(M[RES], PA_PREOPEN_DIR);
    assert_int_equal(u32at(RES + 4), 1);
    memset(M + BUF, 'z', 4);
    assert_int_equal(W_(fd_prestat_dir_name)(W, 3, BUF, 1), 0);
    assert_memory_equal(M + BUF, "/zzz", 4);
    assert_int_equal(W_(fd_prestat_dir_name)(W, 3, BUF, 0),
                     PA_WASI_ENAMETOOLONG);
    for (uint32_t fd = 0; fd < 8; fd++) {
        if (fd == 3) continue;
        assert_int_equal(W_(fd_prestat_get)(W, fd, RES), PA_WASI_EBADF);
        assert_int_equal(W_(fd_prestat_dir_name)(W, fd, BUF, 1),
                         PA_WASI_EBADF);
    }
    assert_int_equal(W_(fd_fdstat_get)(W, 3, RES), 0);
    assert_int_equal(M[RES], PA_WASI_FILETYPE_DIRECTORY);
    assert_true(u64at(RES + 16) & PA_RIGHT_FD_WRITE); /* inheritable */

    assert_int_equal(W_(args_sizes_get)(W, RES, RES + 4), 0);
    assert_int_equal(u32at(RES), 1);
    assert_int_equal(u32at(RES + 4), 7);
    assert_int_equal(W_(args_get)(W, RES + 16, BUF), 0);
    assert_int_equal(u32at(RES + 16), BUF);
    assert_memory_equal(M + BUF, "python\0", 7);
    set32(RES, 99);
    set32(RES + 4, 99);
    assert_int_equal(W_(environ_sizes_get)(W, RES, RES + 4), 0);
    assert_int_equal(u32at(RES), 0);
    assert_int_equal(u32at(RES + 4), 0);
    assert_int_equal(W_(environ_get)(W, RES + 16, BUF), 0);
}

/* ---- hostile pointers ---- */

static void test_oob_pointers_every_import(void **state) {
    (void)state;
    const uint32_t E = MEMSZ - 1;     /* one byte left */
    const uint32_t H = 0xfffffffcu;   /* wraps if added in 32 bits */
    const uint32_t HUGE = 0xffffffffu;
    uint32_t fd;
    assert_int_equal(OPEN("tmp/f", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(fd, 4);
    assert_int_equal(pa_wasi_set_stdin(W, (const uint8_t *)"keep", 4), 0);
    memcpy(M + PATH, "tmp/f", 5);
    memcpy(M + PATH2, "tmp/g", 5);

    uint32_t bad[] = {E, H, HUGE, MEMSZ + 1};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t p = bad[i];
        assert_int_equal(W_(args_sizes_get)(W, p, RES), PA_WASI_EFAULT);
        assert_int_equal(W_(args_sizes_get)(W, RES, p), PA_WASI_EFAULT);
        assert_int_equal(W_(args_get)(W, p, BUF), PA_WASI_EFAULT);
        assert_int_equal(W_(args_get)(W, RES, p), PA_WASI_EFAULT);
        assert_int_equal(W_(environ_sizes_get)(W, p, RES), PA_WASI_EFAULT);
        assert_int_equal(W_(environ_sizes_get)(W, RES, p), PA_WASI_EFAULT);
        assert_int_equal(W_(clock_res_get)(W, 0, p), PA_WASI_EFAULT);
        assert_int_equal(W_(clock_time_get)(W, 1, 0, p), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_fdstat_get)(W, 4, p), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_filestat_get)(W, 4, p), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_prestat_get)(W, 3, p), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_prestat_dir_name)(W, 3, p, 2), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_seek)(W, 4, 0, 0, p), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_tell)(W, 4, p), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_readdir)(W, 3, p, 100, 0, RES), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_readdir)(W, 3, BUF, 100, 0, p), PA_WASI_EFAULT);
        assert_int_equal(W_(random_get)(W, p, 16), PA_WASI_EFAULT);
        assert_int_equal(W_(poll_oneoff)(W, p, EVS, 1, RES), PA_WASI_EFAULT);
        assert_int_equal(W_(poll_oneoff)(W, SUBS, p, 1, RES), PA_WASI_EFAULT);
        assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, p), PA_WASI_EFAULT);
        assert_int_equal(W_(sock_accept)(W, 4, 0, p), PA_WASI_EFAULT);

        /* The iovec array itself out of range... */
        for (int pw = 0; pw < 2; pw++) {
            uint32_t (*rw)(pa_wasi *, uint32_t, uint32_t, uint32_t, uint32_t) =
                pw ? W_(fd_write) : W_(fd_read);
            assert_int_equal(rw(W, 4, p, 1, RES), PA_WASI_EFAULT);
            iov(IOV, 0, p, 2); /* ...an iovec pointing out of range... */
            assert_int_equal(rw(W, 4, IOV, 1, RES), PA_WASI_EFAULT);
            iov(IOV, 0, BUF, 4); /* ...or the result pointer. */
            assert_int_equal(rw(W, 4, IOV, 1, p), PA_WASI_EFAULT);
            assert_int_equal(rw(W, 0, IOV, 1, p), PA_WASI_EFAULT);
        }
        iov(IOV, 0, p, 2);
        assert_int_equal(W_(fd_pread)(W, 4, IOV, 1, 0, RES), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_pwrite)(W, 4, IOV, 1, 0, RES), PA_WASI_EFAULT);
        assert_int_equal(W_(sock_recv)(W, 4, IOV, 1, 0, RES, RES + 4),
                         PA_WASI_EFAULT);
        assert_int_equal(W_(sock_send)(W, 4, IOV, 1, 0, RES), PA_WASI_EFAULT);
        iov(IOV, 0, BUF, 4);
        assert_int_equal(W_(fd_pread)(W, 4, IOV, 1, 0, p), PA_WASI_EFAULT);
        assert_int_equal(W_(fd_pwrite)(W, 4, IOV, 1, 0, p), PA_WASI_EFAULT);
        assert_int_equal(W_(sock_recv)(W, 4, IOV, 1, 0, p, RES),
                         PA_WASI_EFAULT);
        assert_int_equal(W_(sock_send)(W, 4, IOV, 1, 0, p), PA_WASI_EFAULT);

        /* Paths: pointer out of range, and a valid pointer with a length
        ** running past the end. */
        uint32_t lens[] = {5, HUGE};
        for (int li = 0; li < 2; li++) {
            uint32_t pp = li ? PATH : p, pl = lens[li];
            assert_int_equal(W_(path_open)(W, 3, 0, pp, pl, 0, R_RDONLY,
                                           R_RDONLY, 0, RES),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_create_directory)(W, 3, pp, pl),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_remove_directory)(W, 3, pp, pl),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_unlink_file)(W, 3, pp, pl),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_filestat_get)(W, 3, 0, pp, pl, RES),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_filestat_set_times)(W, 3, 0, pp, pl, 0,
                                                         0, PA_FST_MTIM_NOW),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_readlink)(W, 3, pp, pl, BUF, 10, RES),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_rename)(W, 3, pp, pl, 3, PATH2, 5),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_rename)(W, 3, PATH, 5, 3, pp, pl),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_link)(W, 3, 0, pp, pl, 3, PATH2, 5),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_link)(W, 3, 0, PATH, 5, 3, pp, pl),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_symlink)(W, pp, pl, 3, PATH2, 5),
                             PA_WASI_EFAULT);
            assert_int_equal(W_(path_symlink)(W, PATH, 5, 3, pp, pl),
                             PA_WASI_EFAULT);
        }
        assert_int_equal(W_(path_open)(W, 3, 0, PATH, 5, 0, R_RDONLY,
                                       R_RDONLY, 0, p),
                         PA_WASI_EFAULT);
        assert_int_equal(W_(path_filestat_get)(W, 3, 0, PATH, 5, p),
                         PA_WASI_EFAULT);
        assert_int_equal(W_(path_readlink)(W, 3, PATH, 5, p, 10, RES),
                         PA_WASI_EFAULT);
        assert_int_equal(W_(path_readlink)(W, 3, PATH, 5, BUF, 10, p),
                         PA_WASI_EFAULT);
    }
    /* Lengths that run past the end from a valid start. */
    assert_int_equal(W_(random_get)(W, BUF, HUGE), PA_WASI_EFAULT);
    assert_int_equal(W_(random_get)(W, E, 2), PA_WASI_EFAULT);
    assert_int_equal(W_(fd_readdir)(W, 3, BUF, HUGE, 0, RES), PA_WASI_EFAULT);
    assert_int_equal(W_(fd_prestat_dir_name)(W, 3, BUF, HUGE), PA_WASI_EFAULT);
    iov(IOV, 0, BUF, HUGE);
    assert_int_equal(W_(fd_read)(W, 4, IOV, 1, RES), PA_WASI_EFAULT);
    assert_int_equal(W_(fd_write)(W, 1, IOV, 1, RES), PA_WASI_EFAULT);
    iov(IOV, 0, E, 2);
    assert_int_equal(W_(fd_write)(W, 1, IOV, 1, RES), PA_WASI_EFAULT);
    /* Exactly at the end is fine (empty and one-byte ranges). */
    iov(IOV, 0, MEMSZ, 0);
    iov(IOV, 1, E, 1);
    assert_int_equal(W_(fd_write)(W, 4, IOV, 2, RES), 0);
    assert_int_equal(u32at(RES), 1);
    assert_int_equal(W_(random_get)(W, MEMSZ, 0), 0);
    assert_int_equal(W_(random_get)(W, MEMSZ + 1, 0), PA_WASI_EFAULT);
    /* Counts: an iovec array of 0x20000000 entries would wrap 32 bits. */
    assert_int_equal(W_(fd_write)(W, 1, IOV, 0x20000000u, RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_write)(W, 1, IOV, 1025, RES), PA_WASI_EINVAL);
    assert_int_equal(W_(fd_write)(W, 1, MEMSZ - 8 * 1023, 1024, RES),
                     PA_WASI_EFAULT);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 0x10000000u, RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(poll_oneoff)(W, MEMSZ - 48 * 99, EVS, 100, RES),
                     PA_WASI_EFAULT);

    /* Nothing was consumed, written or created by the failed calls. */
    uint32_t got;
    assert_int_equal(RD(0, 10, &got), 0);
    assert_int_equal(got, 4);
    assert_int_equal(out1_len, 0);
    assert_int_equal(stat_path("tmp/g"), PA_WASI_ENOENT);
    assert_int_equal(W_(fd_filestat_get)(W, 4, RES), 0);
    assert_int_equal(u64at(RES + 32), 1); /* only the one good write */
}

static void test_no_memory_and_growth(void **state) {
    (void)state;
    pa_wasi_config cfg = {capture, &out1, 0, 0};
    pa_wasi *w = pa_wasi_new(&cfg);
    assert_non_null(w);
    assert_int_equal(W_(clock_time_get)(w, 0, 0, 0), PA_WASI_EFAULT);
    assert_int_equal(W_(fd_write)(w, 1, 0, 0, 0), PA_WASI_EFAULT);
    /* A memory that grows (and moves) between calls is followed. */
    wasm_rt_memory_t m2 = {NULL, 1, 4, 65536};
    m2.data = calloc(1, 65536);
    assert_non_null(m2.data);
    pa_wasi_set_memory(w, &m2);
    assert_int_equal(W_(clock_time_get)(w, 0, 0, 65536 - 8), 0);
    assert_int_equal(W_(clock_time_get)(w, 0, 0, 65536), PA_WASI_EFAULT);
    uint8_t *bigger = realloc(m2.data, 2 * 65536);
    assert_non_null(bigger);
    m2.data = bigger;
    m2.pages = 2;
    m2.size = 2 * 65536;
    assert_int_equal(W_(clock_time_get)(w, 0, 0, 65536), 0);
    uint64_t t;
    memcpy(&t, m2.data + 65536, 8);
    assert_true(t > 1600000000ull * 1000000000ull);
    free(m2.data);
    pa_wasi_free(w);

    /* Overlapping iovecs whose lengths add up past 4 GiB: 1024 x 8 MiB.
    ** (Output is discarded: no callback.) */
    w = pa_wasi_new(NULL);
    assert_non_null(w);
    wasm_rt_memory_t m3 = {NULL, 128, 128, 8u << 20};
    m3.data = calloc(1, m3.size);
    assert_non_null(m3.data);
    pa_wasi_set_memory(w, &m3);
    for (uint32_t i = 0; i < 1024; i++) {
        memcpy(m3.data + 8 * i, &(uint32_t){0}, 4);
        memcpy(m3.data + 8 * i + 4, &m3.size, 4);
    }
    assert_int_equal(W_(fd_write)(w, 1, 0, 1024, 65536), PA_WASI_EINVAL);
    assert_int_equal(W_(fd_write)(w, 1, 0, 511, 65536), 0); /* < 4 GiB */
    uint32_t nw;
    memcpy(&nw, m3.data + 65536, 4);
    assert_int_equal(nw, 511u * (8u << 20));
    free(m3.data);
    pa_wasi_free(w);
}

/* A read whose destination overlaps its own iovec array must use the
** iovecs as they were when the call started. */
static void test_iovec_overlap_read(void **state) {
    (void)state;
    uint8_t evil[24];
    uint32_t far = 0xfffffff0u, flen = 0xffff;
    memcpy(evil, &far, 4);
    memcpy(evil + 4, &flen, 4);
    memcpy(evil + 8, &far, 4);
    memcpy(evil + 12, &flen, 4);
    memcpy(evil + 16, "ABCDEFGH", 8);
    uint32_t fd;
    assert_int_equal(OPEN("tmp/evil", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(wr_at(W, fd, evil, sizeof evil), 0);
    assert_int_equal(W_(fd_seek)(W, fd, 0, PA_WHENCE_SET, RES), 0);
    /* iov[0] reads 16 bytes over iov[0] and iov[1]; iov[1] reads 8 more. */
    iov(IOV, 0, IOV, 16);
    iov(IOV, 1, BUF2, 8);
    memset(M + BUF2, 0, 8);
    assert_int_equal(W_(fd_read)(W, fd, IOV, 2, RES), 0);
    assert_int_equal(u32at(RES), 24);
    assert_memory_equal(M + BUF2, "ABCDEFGH", 8);
    assert_memory_equal(M + IOV, evil, 16); /* the array was overwritten */

    /* Same through stdin and pread. */
    assert_int_equal(pa_wasi_set_stdin(W, evil, sizeof evil), 0);
    iov(IOV, 0, IOV, 16);
    iov(IOV, 1, BUF2 + 100, 8);
    assert_int_equal(W_(fd_read)(W, 0, IOV, 2, RES), 0);
    assert_int_equal(u32at(RES), 24);
    assert_memory_equal(M + BUF2 + 100, "ABCDEFGH", 8);
    iov(IOV, 0, IOV, 16);
    iov(IOV, 1, BUF2 + 200, 8);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 2, 0, RES), 0);
    assert_int_equal(u32at(RES), 24);
    assert_memory_equal(M + BUF2 + 200, "ABCDEFGH", 8);
    /* The result slot may itself overlap the buffer: written last. */
    iov(IOV, 0, RES, 24);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, 0, RES), 0);
    assert_int_equal(u32at(RES), 24);
    assert_memory_equal(M + RES + 4, evil + 4, 20);
}

/* ---- paths ---- */

static void test_path_traversal(void **state) {
    (void)state;
    uint32_t fd, got;
    assert_int_equal(OPEN("../../etc/passwd", 0, R_RDONLY, 0, &fd),
                     PA_WASI_ENOENT);
    assert_int_equal(OPEN("/etc/passwd", 0, R_RDONLY, 0, &fd), PA_WASI_ENOENT);
    assert_int_equal(OPEN("etc/passwd", 0, R_RDONLY, 0, &fd), PA_WASI_ENOENT);
    assert_int_equal(OPEN("", 0, R_RDONLY, 0, &fd), PA_WASI_ENOENT);
    assert_int_equal(stat_path("../../../../../../etc"), PA_WASI_ENOENT);
    /* ".." above the root stays at the root. */
    assert_int_equal(OPEN("/tmp/../../lib", PA_OFLAG_DIRECTORY, R_RDONLY, 0,
                          &fd),
                     0);
    assert_int_equal(W_(fd_fdstat_get)(W, fd, RES), 0);
    assert_int_equal(M[RES], PA_WASI_FILETYPE_DIRECTORY);
    uint32_t libfd = fd;
    assert_int_equal(open_at(W, libfd, "../../../lib/./python311.zip", 0,
                             R_RDONLY, 0, &fd),
                     0);
    assert_int_equal(RD(fd, 100, &got), 0);
    assert_int_equal(got, sizeof ZIPDATA - 1);
    assert_memory_equal(M + BUF2, ZIPDATA, got);
    assert_int_equal(open_at(W, libfd, "..", PA_OFLAG_DIRECTORY, R_RDONLY, 0,
                             &fd),
                     0);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    uint64_t root_ino = u64at(RES + 8);
    assert_int_equal(W_(fd_filestat_get)(W, 3, RES), 0);
    assert_int_equal(u64at(RES + 8), root_ino);
    assert_int_equal(stat_path("//tmp//.//..//tmp/"), 0);
    assert_int_equal(M[RES + 16], PA_WASI_FILETYPE_DIRECTORY);
    assert_int_equal(stat_path("lib/python311.zip/"), PA_WASI_ENOTDIR);
    assert_int_equal(stat_path("lib/python311.zip/os.py"), PA_WASI_ENOTDIR);

    /* NUL inside the path. */
    memcpy(M + PATH, "tmp\0/x", 6);
    assert_int_equal(W_(path_open)(W, 3, 0, PATH, 6, PA_OFLAG_CREAT, R_RDWR,
                                   R_RDWR, 0, RES),
                     PA_WASI_EINVAL);
    memcpy(M + PATH, "lib\0", 4);
    assert_int_equal(W_(path_filestat_get)(W, 3, 0, PATH, 4, RES),
                     PA_WASI_EINVAL);
    /* 5000 bytes, and 4096 exactly (accepted, then not found). */
    memset(M + PATH, 'a', 5000);
    assert_int_equal(W_(path_open)(W, 3, 0, PATH, 5000, 0, R_RDONLY, 0, 0,
                                   RES),
                     PA_WASI_ENAMETOOLONG);
    assert_int_equal(W_(path_create_directory)(W, 3, PATH, 4097),
                     PA_WASI_ENAMETOOLONG);
    for (int i = 0; i < 4096; i += 2) memcpy(M + PATH + i, "./", 2);
    memcpy(M + PATH + 4092, "tmp/", 4);
    assert_int_equal(W_(path_filestat_get)(W, 3, 0, PATH, 4096, RES), 0);
    assert_int_equal(M[RES + 16], PA_WASI_FILETYPE_DIRECTORY);
    /* A single component longer than NAME_MAX. */
    memcpy(M + PATH, "tmp/", 4);
    memset(M + PATH + 4, 'b', 300);
    assert_int_equal(W_(path_open)(W, 3, 0, PATH, 304, PA_OFLAG_CREAT, R_RDWR,
                                   0, 0, RES),
                     PA_WASI_ENAMETOOLONG);

    /* Escaping /tmp to write is refused, however it is spelled. */
    assert_int_equal(OPEN("tmp", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &fd), 0);
    uint32_t tmpfd = fd;
    assert_int_equal(open_at(W, tmpfd, "../evil", PA_OFLAG_CREAT, R_RDWR, 0,
                             &fd),
                     PA_WASI_EACCES);
    assert_int_equal(open_at(W, tmpfd, "../../lib/evil", PA_OFLAG_CREAT,
                             R_RDWR, 0, &fd),
                     PA_WASI_EACCES);
    assert_int_equal(open_at(W, tmpfd, "/tmp/../../lib/python311.zip", 0,
                             R_RDWR, 0, &fd),
                     PA_WASI_EACCES);
    assert_int_equal(open_at(W, tmpfd, "ok", PA_OFLAG_CREAT, R_RDWR, 0, &fd),
                     0);
    assert_int_equal(stat_path("tmp/ok"), 0);
    /* A dirfd that is a file is ENOTDIR; a closed one EBADF. */
    assert_int_equal(open_at(W, fd, "x", 0, R_RDONLY, 0, NULL),
                     PA_WASI_ENOTDIR);
    assert_int_equal(open_at(W, 200, "x", 0, R_RDONLY, 0, NULL),
                     PA_WASI_EBADF);
    assert_int_equal(open_at(W, 1, "x", 0, R_RDONLY, 0, NULL),
                     PA_WASI_ENOTDIR);
}

static void test_readonly_tree(void **state) {
    (void)state;
    uint32_t fd, got;
    assert_int_equal(OPEN("lib/python311.zip", 0, R_RDONLY, 0, &fd), 0);
    assert_int_equal(RD(fd, 7, &got), 0);
    assert_int_equal(got, 7);
    assert_memory_equal(M + BUF2, ZIPDATA, 7);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(u64at(RES + 32), sizeof ZIPDATA - 1);
    assert_int_equal(M[RES + 16], PA_WASI_FILETYPE_REGULAR_FILE);
    assert_int_equal(u64at(RES + 24), 1); /* nlink */
    assert_int_equal(WR(fd, "x"), PA_WASI_EBADF); /* opened read-only */
    iov(IOV, 0, BUF, 1);
    assert_int_equal(W_(fd_pwrite)(W, fd, IOV, 1, 0, RES), PA_WASI_EBADF);
    assert_int_equal(W_(fd_filestat_set_size)(W, fd, 0), PA_WASI_EBADF);
    assert_int_equal(W_(fd_allocate)(W, fd, 0, 100), PA_WASI_EBADF);
    assert_int_equal(W_(fd_filestat_set_times)(W, fd, 0, 0, PA_FST_MTIM_NOW),
                     PA_WASI_EACCES);

    assert_int_equal(OPEN("lib/python311.zip", 0, R_RDWR, 0, &fd),
                     PA_WASI_EACCES);
    assert_int_equal(OPEN("lib/python311.zip", 0, R_WRONLY, 0, &fd),
                     PA_WASI_EACCES);
    assert_int_equal(OPEN("lib/python311.zip", PA_OFLAG_TRUNC, R_RDONLY, 0,
                          &fd),
                     PA_WASI_EACCES);
    assert_int_equal(OPEN("lib/python311.zip", PA_OFLAG_CREAT | PA_OFLAG_EXCL,
                          R_RDWR, 0, &fd),
                     PA_WASI_EEXIST);
    assert_int_equal(OPEN("lib/new", PA_OFLAG_CREAT, R_RDWR, 0, &fd),
                     PA_WASI_EACCES);
    assert_int_equal(OPEN("new", PA_OFLAG_CREAT, R_RDWR, 0, &fd),
                     PA_WASI_EACCES);
    assert_int_equal(OPEN("etc/new", PA_OFLAG_CREAT, R_RDWR, 0, &fd),
                     PA_WASI_ENOENT);
    assert_int_equal(OPEN("lib", 0, R_RDWR, 0, &fd), PA_WASI_EISDIR);
    assert_int_equal(OPEN("tmp", PA_OFLAG_CREAT, R_RDONLY, 0, &fd),
                     PA_WASI_EISDIR);
    assert_int_equal(OPEN("/", 0, R_WRONLY, 0, &fd), PA_WASI_EISDIR);
    assert_int_equal(OPEN("lib/python311.zip", PA_OFLAG_DIRECTORY, R_RDONLY,
                          0, &fd),
                     PA_WASI_ENOTDIR);
    assert_int_equal(MKDIR("lib/x"), PA_WASI_EACCES);
    assert_int_equal(MKDIR("x"), PA_WASI_EACCES);
    assert_int_equal(MKDIR("lib"), PA_WASI_EEXIST);
    assert_int_equal(MKDIR("tmp"), PA_WASI_EEXIST);
    assert_int_equal(MKDIR("/"), PA_WASI_EEXIST);
    assert_int_equal(MKDIR("lib/python311.zip/"), PA_WASI_EEXIST);
    assert_int_equal(MKDIR("nope/x"), PA_WASI_ENOENT);
    assert_int_equal(UNLINK("lib/python311.zip"), PA_WASI_EACCES);
    assert_int_equal(UNLINK("lib/missing"), PA_WASI_ENOENT);
    assert_int_equal(RMDIR("lib"), PA_WASI_EACCES);
    assert_int_equal(RMDIR("tmp"), PA_WASI_EACCES);
    assert_int_equal(RMDIR("/"), PA_WASI_EBUSY);
    assert_int_equal(RENAME("lib/python311.zip", "tmp/stolen"),
                     PA_WASI_EACCES);
    assert_int_equal(RENAME("tmp", "tmp2"), PA_WASI_EACCES);
    assert_int_equal(create_file("tmp/mine", "data"), 0);
    assert_int_equal(RENAME("tmp/mine", "lib/mine"), PA_WASI_EACCES);
    assert_int_equal(RENAME("tmp/mine", "mine"), PA_WASI_EACCES);
    memcpy(M + PATH, "lib/python311.zip", 17);
    assert_int_equal(W_(path_filestat_set_times)(W, 3, 0, PATH, 17, 5, 5,
                                                 PA_FST_ATIM | PA_FST_MTIM),
                     PA_WASI_EACCES);
    /* Opened read-only from /tmp: reading fine, writing EBADF. */
    assert_int_equal(OPEN("tmp/mine", 0, R_RDONLY, 0, &fd), 0);
    assert_int_equal(WR(fd, "x"), PA_WASI_EBADF);
    assert_int_equal(RD(fd, 10, &got), 0);
    assert_int_equal(got, 4);
    assert_int_equal(W_(fd_fdstat_get)(W, fd, RES), 0);
    assert_false(u64at(RES + 8) & PA_RIGHT_FD_WRITE);
    assert_true(u64at(RES + 8) & PA_RIGHT_FD_READ);
}

static void test_tmp_file_read_write_seek(void **state) {
    (void)state;
    uint32_t fd, fd2, got;
    assert_int_equal(OPEN("tmp/a.txt", PA_OFLAG_CREAT | PA_OFLAG_EXCL, R_RDWR,
                          0, &fd),
                     0);
    assert_int_equal(fd, 4);
    assert_int_equal(W_(fd_fdstat_get)(W, fd, RES), 0);
    assert_int_equal(M[RES], PA_WASI_FILETYPE_REGULAR_FILE);
    assert_int_equal(WR(fd, "hello world"), 0);
    assert_int_equal(W_(fd_tell)(W, fd, RES), 0);
    assert_int_equal(u64at(RES), 11);
    assert_int_equal(RD(fd, 10, &got), 0);
    assert_int_equal(got, 0); /* at EOF */
    assert_int_equal(W_(fd_seek)(W, fd, 0, PA_WHENCE_SET, RES), 0);
    assert_int_equal(u64at(RES), 0);
    assert_int_equal(RD(fd, 5, &got), 0);
    assert_int_equal(got, 5);
    assert_memory_equal(M + BUF2, "hello", 5);
    assert_int_equal(W_(fd_seek)(W, fd, (uint64_t)-5, PA_WHENCE_END, RES), 0);
    assert_int_equal(u64at(RES), 6);
    assert_int_equal(RD(fd, 100, &got), 0);
    assert_int_equal(got, 5);
    assert_memory_equal(M + BUF2, "world", 5);
    assert_int_equal(W_(fd_seek)(W, fd, (uint64_t)-3, PA_WHENCE_CUR, RES), 0);
    assert_int_equal(u64at(RES), 8);

    /* pread/pwrite leave the offset alone. */
    memcpy(M + BUF, "HELLO", 5);
    iov(IOV, 0, BUF, 5);
    assert_int_equal(W_(fd_pwrite)(W, fd, IOV, 1, 0, RES), 0);
    assert_int_equal(u32at(RES), 5);
    iov(IOV, 0, BUF2, 64);
    memset(M + BUF2, 0, 64);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, 3, RES), 0);
    assert_int_equal(u32at(RES), 8);
    assert_memory_equal(M + BUF2, "LO world", 8);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, 1000, RES), 0);
    assert_int_equal(u32at(RES), 0);
    assert_int_equal(W_(fd_tell)(W, fd, RES), 0);
    assert_int_equal(u64at(RES), 8);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, (uint64_t)1 << 63, RES),
                     PA_WASI_EINVAL);

    /* Writing past the end leaves a zero-filled hole. */
    memcpy(M + BUF, "Z", 1);
    iov(IOV, 0, BUF, 1);
    assert_int_equal(W_(fd_pwrite)(W, fd, IOV, 1, 20, RES), 0);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(u64at(RES + 32), 21);
    iov(IOV, 0, BUF2, 64);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, 0, RES), 0);
    assert_int_equal(u32at(RES), 21);
    assert_memory_equal(M + BUF2, "HELLO world\0\0\0\0\0\0\0\0\0Z", 21);

    /* Existing + EXCL, and a second fd sharing the data. */
    assert_int_equal(OPEN("tmp/a.txt", PA_OFLAG_CREAT | PA_OFLAG_EXCL, R_RDWR,
                          0, &fd2),
                     PA_WASI_EEXIST);
    assert_int_equal(OPEN("tmp/a.txt", 0, R_RDONLY, 0, &fd2), 0);
    assert_int_equal(fd2, 5);
    assert_int_equal(RD(fd2, 5, &got), 0);
    assert_memory_equal(M + BUF2, "HELLO", 5);

    /* APPEND: every write goes to the end, wherever the offset is. */
    uint32_t fa;
    assert_int_equal(OPEN("tmp/a.txt", 0, R_RDWR, PA_FDFLAG_APPEND, &fa), 0);
    assert_int_equal(W_(fd_fdstat_get)(W, fa, RES), 0);
    assert_int_equal(u16at(RES + 2), PA_FDFLAG_APPEND);
    assert_int_equal(W_(fd_seek)(W, fa, 0, PA_WHENCE_SET, RES), 0);
    assert_int_equal(WR(fa, "++"), 0);
    assert_int_equal(W_(fd_tell)(W, fa, RES), 0);
    assert_int_equal(u64at(RES), 23);
    assert_int_equal(W_(fd_fdstat_set_flags)(W, fa, 0), 0);
    assert_int_equal(W_(fd_seek)(W, fa, 0, PA_WHENCE_SET, RES), 0);
    assert_int_equal(WR(fa, "h"), 0);
    iov(IOV, 0, BUF2, 64);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, 0, RES), 0);
    assert_int_equal(u32at(RES), 23);
    assert_memory_equal(M + BUF2, "hELLO", 5);
    assert_memory_equal(M + BUF2 + 20, "Z++", 3);

    /* TRUNC empties it; ftruncate extends and shrinks. */
    uint32_t ft;
    assert_int_equal(OPEN("tmp/a.txt", PA_OFLAG_TRUNC, R_RDWR, 0, &ft), 0);
    assert_int_equal(stat_path("tmp/a.txt"), 0);
    assert_int_equal(u64at(RES + 32), 0);
    assert_int_equal(RD(fd2, 5, &got), 0);
    assert_int_equal(got, 0);
    assert_int_equal(W_(fd_filestat_set_size)(W, ft, 10), 0);
    iov(IOV, 0, BUF2, 64);
    assert_int_equal(W_(fd_pread)(W, ft, IOV, 1, 0, RES), 0);
    assert_int_equal(u32at(RES), 10);
    assert_memory_equal(M + BUF2, "\0\0\0\0\0\0\0\0\0\0", 10);
    assert_int_equal(WR(ft, "abcdef"), 0);
    assert_int_equal(W_(fd_filestat_set_size)(W, ft, 3), 0);
    assert_int_equal(W_(fd_filestat_set_size)(W, ft, 6), 0);
    iov(IOV, 0, BUF2, 64);
    assert_int_equal(W_(fd_pread)(W, ft, IOV, 1, 0, RES), 0);
    assert_int_equal(u32at(RES), 6);
    assert_memory_equal(M + BUF2, "abc\0\0\0", 6); /* no stale bytes */
    assert_int_equal(W_(fd_filestat_set_size)(W, ft, (uint64_t)1 << 63),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_filestat_set_size)(W, 3, 0), PA_WASI_EISDIR);
    assert_int_equal(W_(fd_filestat_set_size)(W, 1, 0), PA_WASI_EINVAL);

    /* fd_allocate, advise, sync. */
    assert_int_equal(W_(fd_allocate)(W, ft, 0, 100), 0);
    assert_int_equal(W_(fd_filestat_get)(W, ft, RES), 0);
    assert_int_equal(u64at(RES + 32), 100);
    assert_int_equal(W_(fd_allocate)(W, ft, 10, 10), 0);
    assert_int_equal(W_(fd_filestat_get)(W, ft, RES), 0);
    assert_int_equal(u64at(RES + 32), 100);
    assert_int_equal(W_(fd_allocate)(W, ft, 0, 0), PA_WASI_EINVAL);
    assert_int_equal(W_(fd_allocate)(W, ft, INT64_MAX, 1), PA_WASI_EFBIG);
    assert_int_equal(W_(fd_advise)(W, ft, 0, 100, 2), 0);
    assert_int_equal(W_(fd_advise)(W, ft, 0, 100, 6), PA_WASI_EINVAL);
    assert_int_equal(W_(fd_sync)(W, ft), 0);
    assert_int_equal(W_(fd_datasync)(W, ft), 0);
    assert_int_equal(W_(fd_sync)(W, 3), 0);

    /* Directories are not files. */
    uint32_t fdir;
    assert_int_equal(OPEN("tmp", 0, R_RDONLY, 0, &fdir), 0);
    assert_int_equal(RD(fdir, 4, &got), PA_WASI_EISDIR);
    assert_int_equal(W_(fd_seek)(W, fdir, 0, 0, RES), PA_WASI_EISDIR);
    assert_int_equal(W_(fd_close)(W, fdir), 0);
    assert_int_equal(W_(fd_close)(W, fdir), PA_WASI_EBADF);
    assert_int_equal(W_(fd_close)(W, fd), 0);
    assert_int_equal(W_(fd_close)(W, fd2), 0);
}

static void test_seek_bounds(void **state) {
    (void)state;
    uint32_t fd;
    assert_int_equal(create_file("tmp/s", "0123456789"), 0);
    assert_int_equal(OPEN("tmp/s", 0, R_RDWR, 0, &fd), 0);
    assert_int_equal(W_(fd_seek)(W, fd, 4, PA_WHENCE_SET, RES), 0);
    set64(RES, 77);
    assert_int_equal(W_(fd_seek)(W, fd, (uint64_t)-5, PA_WHENCE_CUR, RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_seek)(W, fd, (uint64_t)-11, PA_WHENCE_END, RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_seek)(W, fd, (uint64_t)INT64_MIN, PA_WHENCE_SET,
                                 RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_seek)(W, fd, 0, 3, RES), PA_WASI_EINVAL);
    assert_int_equal(u64at(RES), 77); /* failures store nothing */
    assert_int_equal(W_(fd_seek)(W, fd, INT64_MAX, PA_WHENCE_SET, RES), 0);
    assert_int_equal(u64at(RES), INT64_MAX);
    assert_int_equal(W_(fd_seek)(W, fd, 1, PA_WHENCE_CUR, RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_seek)(W, fd, INT64_MAX, PA_WHENCE_END, RES),
                     PA_WASI_EINVAL);
    /* Writing at INT64_MAX cannot fit; the quota stops anything huge. */
    assert_int_equal(WR(fd, "x"), PA_WASI_EFBIG);
    assert_int_equal(W_(fd_seek)(W, fd, (uint64_t)1 << 40, PA_WHENCE_SET, RES),
                     0);
    assert_int_equal(WR(fd, "x"), PA_WASI_ENOSPC);
    assert_int_equal(W_(fd_tell)(W, fd, RES), 0);
    assert_int_equal(u64at(RES), (uint64_t)1 << 40);
    assert_int_equal(W_(fd_seek)(W, fd, (uint64_t)-((int64_t)1 << 40) + 2,
                                 PA_WHENCE_CUR, RES),
                     0);
    assert_int_equal(u64at(RES), 2);
    assert_int_equal(stat_path("tmp/s"), 0);
    assert_int_equal(u64at(RES + 32), 10);
}

/* Parsed dirents of one fd_readdir buffer (complete entries only). */
typedef struct dent {
    uint64_t next, ino;
    uint8_t type;
    char name[64];
} dent;

static int parse_dirents(uint32_t buf, uint32_t used, dent *out, int max) {
    int n = 0;
    uint32_t off = 0;
    while (n < max && used - off >= PA_DIRENT_SIZE) {
        uint32_t namlen = u32at(buf + off + 16);
        if (used - off - PA_DIRENT_SIZE < namlen) break; /* truncated */
        out[n].next = u64at(buf + off);
        out[n].ino = u64at(buf + off + 8);
        out[n].type = M[buf + off + 20];
        assert_true(namlen < sizeof out[n].name);
        memcpy(out[n].name, M + buf + off + 24, namlen);
        out[n].name[namlen] = '\0';
        off += PA_DIRENT_SIZE + namlen;
        n++;
    }
    return n;
}

static void test_readdir(void **state) {
    (void)state;
    uint32_t fd;
    dent d[32];
    assert_int_equal(MKDIR("tmp/d"), 0);
    assert_int_equal(create_file("tmp/d/a", "1"), 0);
    assert_int_equal(create_file("tmp/d/bb", "22"), 0);
    assert_int_equal(create_file("tmp/d/ccc", "333"), 0);
    assert_int_equal(MKDIR("tmp/d/sub"), 0);
    assert_int_equal(OPEN("tmp/d", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &fd), 0);

    assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 4096, 0, RES), 0);
    uint32_t used = u32at(RES);
    assert_int_equal(used, 6 * 24 + 1 + 2 + 1 + 2 + 3 + 3);
    int n = parse_dirents(BUF2, used, d, 32);
    assert_int_equal(n, 6);
    const char *names[] = {".", "..", "a", "bb", "ccc", "sub"};
    const uint8_t types[] = {3, 3, 4, 4, 4, 3};
    for (int i = 0; i < 6; i++) {
        assert_string_equal(d[i].name, names[i]);
        assert_int_equal(d[i].type, types[i]);
        if (i) assert_true(d[i].next > d[i - 1].next);
    }
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(d[0].ino, u64at(RES + 8));
    assert_int_equal(stat_path("tmp"), 0);
    assert_int_equal(d[1].ino, u64at(RES + 8));
    assert_int_equal(stat_path("tmp/d/bb"), 0);
    assert_int_equal(d[3].ino, u64at(RES + 8));
    assert_int_equal(u64at(RES + 32), 2);

    /* Resume from a cookie. */
    assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 4096, d[2].next, RES), 0);
    n = parse_dirents(BUF2, u32at(RES), d, 32);
    assert_int_equal(n, 3);
    assert_string_equal(d[0].name, "bb");

    /* A small buffer: the last entry is truncated, bufused == buf_len. */
    assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 30, 0, RES), 0);
    assert_int_equal(u32at(RES), 30);
    assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 0, 0, RES), 0);
    assert_int_equal(u32at(RES), 0);
    assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 10, 0, RES), 0);
    assert_int_equal(u32at(RES), 10);

    /* Walk with a 40-byte buffer, deleting an entry midway: every
    ** surviving entry is seen exactly once. */
    char seen[256] = "";
    uint64_t cookie = 0;
    int rounds = 0;
    for (;;) {
        assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 40, cookie, RES), 0);
        used = u32at(RES);
        n = parse_dirents(BUF2, used, d, 32);
        for (int i = 0; i < n; i++) {
            strcat(seen, d[i].name);
            strcat(seen, ",");
            cookie = d[i].next;
        }
        /* "a" has just been returned: removing it must not make the
        ** listing skip the entry after it. */
        if (++rounds == 3) assert_int_equal(UNLINK("tmp/d/a"), 0);
        if (used < 40) break;
        assert_true(n > 0);
        assert_true(rounds < 20);
    }
    assert_string_equal(seen, ".,..,a,bb,ccc,sub,");

    assert_int_equal(W_(fd_readdir)(W, 4 + 60, BUF2, 40, 0, RES),
                     PA_WASI_EBADF);
    uint32_t ffd;
    assert_int_equal(OPEN("tmp/d/bb", 0, R_RDONLY, 0, &ffd), 0);
    assert_int_equal(W_(fd_readdir)(W, ffd, BUF2, 40, 0, RES),
                     PA_WASI_ENOTDIR);

    /* The root lists lib and tmp; its ".." is itself. */
    assert_int_equal(W_(fd_readdir)(W, 3, BUF2, 4096, 0, RES), 0);
    n = parse_dirents(BUF2, u32at(RES), d, 32);
    assert_int_equal(n, 4);
    assert_string_equal(d[2].name, "lib");
    assert_string_equal(d[3].name, "tmp");
    assert_int_equal(d[0].ino, d[1].ino);
}

static void test_rename(void **state) {
    (void)state;
    uint32_t fd, got;
    assert_int_equal(create_file("tmp/f", "F"), 0);
    assert_int_equal(create_file("tmp/g", "G"), 0);
    assert_int_equal(OPEN("tmp/f", 0, R_RDONLY, 0, &fd), 0);
    assert_int_equal(RENAME("tmp/f", "tmp/h"), 0);
    assert_int_equal(stat_path("tmp/f"), PA_WASI_ENOENT);
    assert_int_equal(stat_path("tmp/h"), 0);
    assert_int_equal(RD(fd, 4, &got), 0); /* the fd follows the node */
    assert_memory_equal(M + BUF2, "F", 1);
    /* Over an existing file: replaced. */
    assert_int_equal(RENAME("tmp/h", "tmp/g"), 0);
    assert_int_equal(stat_path("tmp/h"), PA_WASI_ENOENT);
    assert_int_equal(stat_path("tmp/g"), 0);
    assert_int_equal(u64at(RES + 32), 1);
    assert_int_equal(RENAME("tmp/g", "tmp/g"), 0);
    assert_int_equal(RENAME("tmp/missing", "tmp/x"), PA_WASI_ENOENT);
    assert_int_equal(RENAME("tmp/g", "tmp/nodir/x"), PA_WASI_ENOENT);

    /* Directories. */
    assert_int_equal(MKDIR("tmp/d1"), 0);
    assert_int_equal(MKDIR("tmp/d1/inner"), 0);
    assert_int_equal(create_file("tmp/d1/inner/file", "deep"), 0);
    assert_int_equal(MKDIR("tmp/empty"), 0);
    assert_int_equal(MKDIR("tmp/full"), 0);
    assert_int_equal(create_file("tmp/full/x", "x"), 0);
    assert_int_equal(RENAME("tmp/d1", "tmp/d1/inner/d1"), PA_WASI_EINVAL);
    assert_int_equal(RENAME("tmp/d1", "tmp/d1/x"), PA_WASI_EINVAL);
    assert_int_equal(RENAME("tmp/d1", "tmp/full"), PA_WASI_ENOTEMPTY);
    assert_int_equal(RENAME("tmp/d1", "tmp/g"), PA_WASI_ENOTDIR);
    assert_int_equal(RENAME("tmp/g", "tmp/empty"), PA_WASI_EISDIR);
    assert_int_equal(RENAME("tmp/g", "tmp/newname/"), PA_WASI_ENOTDIR);
    assert_int_equal(RENAME("tmp/d1/.", "tmp/x"), PA_WASI_EBUSY);
    assert_int_equal(RENAME("tmp/d1", "tmp/empty"), 0); /* replaces it */
    assert_int_equal(stat_path("tmp/empty/inner/file"), 0);
    assert_int_equal(RENAME("tmp/empty/inner", "tmp/moved/"), 0);
    assert_int_equal(stat_path("tmp/moved/file"), 0);
    assert_int_equal(u64at(RES + 32), 4);
    /* ".." of a moved directory is its new parent. */
    uint32_t dfd;
    assert_int_equal(OPEN("tmp/moved", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &dfd),
                     0);
    assert_int_equal(RENAME("tmp/moved", "tmp/full/moved"), 0);
    assert_int_equal(open_at(W, dfd, "../x", 0, R_RDONLY, 0, &fd), 0);
    assert_int_equal(RD(fd, 4, &got), 0);
    assert_memory_equal(M + BUF2, "x", 1);
    /* Relative to two different dir fds. */
    uint32_t tfd;
    assert_int_equal(OPEN("tmp", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &tfd), 0);
    assert_int_equal(rename_at(dfd, "file", tfd, "back"), 0);
    assert_int_equal(stat_path("tmp/back"), 0);
    assert_int_equal(u64at(RES + 32), 4);
}

static void test_unlink_while_open(void **state) {
    (void)state;
    pa_wasi_free(W);
    W = make(4096, 0);
    uint32_t fd, got;
    char big[4000];
    memset(big, 'q', sizeof big);
    assert_int_equal(OPEN("tmp/f", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(wr_at(W, fd, big, sizeof big), 0);
    assert_int_equal(UNLINK("tmp/f"), 0);
    assert_int_equal(stat_path("tmp/f"), PA_WASI_ENOENT);
    assert_int_equal(UNLINK("tmp/f"), PA_WASI_ENOENT);
    /* The fd still works on the orphaned data. */
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(u64at(RES + 24), 0); /* nlink */
    assert_int_equal(u64at(RES + 32), 4000);
    assert_int_equal(WR(fd, "tail"), 0);
    iov(IOV, 0, BUF2, 8);
    assert_int_equal(W_(fd_pread)(W, fd, IOV, 1, 3996, RES), 0);
    assert_int_equal(u32at(RES), 8);
    assert_memory_equal(M + BUF2, "qqqqtail", 8);
    /* Its bytes are still charged to the quota until the last close. */
    uint32_t g;
    assert_int_equal(OPEN("tmp/g", PA_OFLAG_CREAT, R_RDWR, 0, &g), 0);
    assert_int_equal(wr_at(W, g, big, 100), PA_WASI_ENOSPC);
    assert_int_equal(W_(fd_close)(W, fd), 0);
    assert_int_equal(wr_at(W, g, big, 100), 0);
    assert_int_equal(RD(g, 10, &got), 0);
    assert_int_equal(got, 0);
    /* Re-creating the unlinked name gives a fresh, empty file. */
    assert_int_equal(OPEN("tmp/f", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(RD(fd, 10, &got), 0);
    assert_int_equal(got, 0);
}

static void test_rmdir(void **state) {
    (void)state;
    uint32_t fd, got;
    assert_int_equal(MKDIR("tmp/d"), 0);
    assert_int_equal(MKDIR("tmp/d"), PA_WASI_EEXIST);
    assert_int_equal(MKDIR("tmp/d/"), PA_WASI_EEXIST);
    assert_int_equal(MKDIR("tmp/e/"), 0);
    assert_int_equal(create_file("tmp/d/f", "x"), 0);
    assert_int_equal(RMDIR("tmp/d"), PA_WASI_ENOTEMPTY);
    assert_int_equal(RMDIR("tmp/d/f"), PA_WASI_ENOTDIR);
    assert_int_equal(RMDIR("tmp/d/."), PA_WASI_EINVAL);
    assert_int_equal(RMDIR("tmp/d/.."), PA_WASI_ENOTEMPTY);
    assert_int_equal(RMDIR("tmp/nope"), PA_WASI_ENOENT);
    assert_int_equal(UNLINK("tmp/d"), PA_WASI_EISDIR);
    assert_int_equal(UNLINK("tmp/d/f/"), PA_WASI_ENOTDIR);
    assert_int_equal(OPEN("tmp/d", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &fd), 0);
    assert_int_equal(UNLINK("tmp/d/f"), 0);
    assert_int_equal(RMDIR("tmp/d/"), 0);
    assert_int_equal(stat_path("tmp/d"), PA_WASI_ENOENT);
    /* The open fd of the removed directory: empty, nothing can be made. */
    assert_int_equal(open_at(W, fd, "new", PA_OFLAG_CREAT, R_RDWR, 0, NULL),
                     PA_WASI_ENOENT);
    memcpy(M + PATH, "sub", 3);
    assert_int_equal(W_(path_create_directory)(W, fd, PATH, 3),
                     PA_WASI_ENOENT);
    memcpy(M + PATH, "..", 2);
    assert_int_equal(W_(path_filestat_get)(W, fd, 0, PATH, 2, RES),
                     PA_WASI_ENOENT);
    assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 4096, 0, RES), 0);
    dent d[8];
    assert_int_equal(parse_dirents(BUF2, u32at(RES), d, 8), 2);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(u64at(RES + 24), 0);
    assert_int_equal(W_(fd_close)(W, fd), 0);
    assert_int_equal(RMDIR("tmp/e"), 0);
    (void)got;
}

static void test_quota_bytes(void **state) {
    (void)state;
    pa_wasi_free(W);
    W = make(4096, 0);
    uint32_t fd;
    char buf[4096];
    memset(buf, 'x', sizeof buf);
    assert_int_equal(OPEN("tmp/q", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(wr_at(W, fd, buf, 4000), 0);
    assert_int_equal(wr_at(W, fd, buf, 200), PA_WASI_ENOSPC);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(u64at(RES + 32), 4000); /* all or nothing */
    assert_int_equal(W_(fd_tell)(W, fd, RES), 0);
    assert_int_equal(u64at(RES), 4000);
    assert_int_equal(wr_at(W, fd, buf, 96), 0); /* exactly full */
    assert_int_equal(wr_at(W, fd, buf, 1), PA_WASI_ENOSPC);
    /* Huge offsets and sizes hit the quota, not the allocator. */
    iov(IOV, 0, BUF, 1);
    assert_int_equal(W_(fd_pwrite)(W, fd, IOV, 1, (uint64_t)1 << 40, RES),
                     PA_WASI_ENOSPC);
    assert_int_equal(W_(fd_pwrite)(W, fd, IOV, 1, INT64_MAX - 1, RES),
                     PA_WASI_ENOSPC);
    assert_int_equal(W_(fd_pwrite)(W, fd, IOV, 1, INT64_MAX, RES),
                     PA_WASI_EFBIG);
    assert_int_equal(W_(fd_filestat_set_size)(W, fd, (uint64_t)1 << 30),
                     PA_WASI_ENOSPC);
    assert_int_equal(W_(fd_allocate)(W, fd, 0, 1 << 20), PA_WASI_ENOSPC);
    /* Another file can't get bytes either; shrinking gives them back. */
    uint32_t g;
    assert_int_equal(OPEN("tmp/g", PA_OFLAG_CREAT, R_RDWR, 0, &g), 0);
    assert_int_equal(WR(g, "a"), PA_WASI_ENOSPC);
    assert_int_equal(W_(fd_filestat_set_size)(W, fd, 1000), 0);
    assert_int_equal(wr_at(W, g, buf, 3096), 0);
    assert_int_equal(WR(g, "a"), PA_WASI_ENOSPC);
    /* O_TRUNC and unlink give bytes back too. */
    uint32_t t;
    assert_int_equal(OPEN("tmp/q", PA_OFLAG_TRUNC, R_RDWR, 0, &t), 0);
    assert_int_equal(wr_at(W, t, buf, 1000), 0);
    assert_int_equal(W_(fd_close)(W, g), 0);
    assert_int_equal(UNLINK("tmp/g"), 0);
    assert_int_equal(wr_at(W, t, buf, 3096), 0);
    assert_int_equal(W_(fd_filestat_get)(W, t, RES), 0);
    assert_int_equal(u64at(RES + 32), 4096);
}

static void test_quota_files(void **state) {
    (void)state;
    pa_wasi_free(W);
    W = make(0, 3);
    uint32_t fd;
    assert_int_equal(OPEN("tmp/1", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(MKDIR("tmp/2"), 0);
    uint32_t f3;
    assert_int_equal(OPEN("tmp/2/3", PA_OFLAG_CREAT, R_RDWR, 0, &f3), 0);
    assert_int_equal(OPEN("tmp/4", PA_OFLAG_CREAT, R_RDWR, 0, &fd),
                     PA_WASI_EDQUOT);
    assert_int_equal(MKDIR("tmp/5"), PA_WASI_EDQUOT);
    assert_int_equal(stat_path("tmp/4"), PA_WASI_ENOENT);
    /* Opening existing files needs no new node. */
    assert_int_equal(OPEN("tmp/1", 0, R_RDWR, 0, &fd), 0);
    assert_int_equal(UNLINK("tmp/2/3"), 0);
    /* Still open: the node (and its quota slot) lives on. */
    assert_int_equal(OPEN("tmp/4", PA_OFLAG_CREAT, R_RDWR, 0, &fd),
                     PA_WASI_EDQUOT);
    assert_int_equal(W_(fd_close)(W, f3), 0);
    assert_int_equal(OPEN("tmp/4", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(MKDIR("tmp/5"), PA_WASI_EDQUOT);
}

static void test_fd_exhaustion_and_renumber(void **state) {
    (void)state;
    uint32_t fd, got;
    uint32_t n = 0;
    for (;;) {
        uint32_t rc = OPEN("lib/python311.zip", 0, R_RDONLY, 0, &fd);
        if (rc) {
            assert_int_equal(rc, PA_WASI_EMFILE);
            break;
        }
        assert_int_equal(fd, 4 + n);
        n++;
        assert_true(n <= 256);
    }
    assert_int_equal(n, 256 - 4);
    /* EMFILE is reported before anything is created. */
    assert_int_equal(OPEN("tmp/x", PA_OFLAG_CREAT, R_RDWR, 0, &fd),
                     PA_WASI_EMFILE);
    assert_int_equal(stat_path("tmp/x"), PA_WASI_ENOENT);
    /* The lowest free slot is reused. */
    assert_int_equal(W_(fd_close)(W, 100), 0);
    assert_int_equal(W_(fd_close)(W, 50), 0);
    assert_int_equal(OPEN("tmp/x", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(fd, 50);
    assert_int_equal(WR(50, "renumbered"), 0);
    /* renumber: target open -> closed and replaced; source freed. */
    assert_int_equal(W_(fd_renumber)(W, 50, 60), 0);
    assert_int_equal(WR(50, "x"), PA_WASI_EBADF);
    assert_int_equal(W_(fd_seek)(W, 60, 0, PA_WHENCE_SET, RES), 0);
    assert_int_equal(RD(60, 20, &got), 0);
    assert_int_equal(got, 10);
    assert_memory_equal(M + BUF2, "renumbered", 10);
    assert_int_equal(W_(fd_renumber)(W, 50, 61), PA_WASI_EBADF);
    assert_int_equal(W_(fd_renumber)(W, 60, 256), PA_WASI_EBADF);
    assert_int_equal(W_(fd_renumber)(W, 60, 60), 0);
    assert_int_equal(W_(fd_renumber)(W, 60, 100), 0); /* free target */
    assert_int_equal(W_(fd_fdstat_get)(W, 100, RES), 0);
    assert_int_equal(M[RES], PA_WASI_FILETYPE_REGULAR_FILE);
    /* stdio moves with its slot; the preopen too. */
    assert_int_equal(W_(fd_renumber)(W, 1, 50), 0);
    assert_int_equal(WR(50, "via 50"), 0);
    assert_int_equal(out1_len, 6);
    assert_memory_equal(out1, "via 50", 6);
    assert_int_equal(WR(1, "x"), PA_WASI_EBADF);
    assert_int_equal(W_(fd_renumber)(W, 3, 1), 0);
    assert_int_equal(W_(fd_prestat_get)(W, 1, RES), 0);
    assert_int_equal(W_(fd_prestat_get)(W, 3, RES), PA_WASI_EBADF);
    assert_int_equal(open_at(W, 1, "tmp/x", 0, R_RDONLY, 0, &fd), 0);
    assert_int_equal(fd, 3);
}

static void test_fdstat_rights_and_times(void **state) {
    (void)state;
    uint32_t fd, got;
    assert_int_equal(create_file("tmp/r", "rights"), 0);
    assert_int_equal(OPEN("tmp/r", 0, R_RDWR, 0, &fd), 0);
    assert_int_equal(W_(fd_fdstat_get)(W, fd, RES), 0);
    uint64_t base = u64at(RES + 8);
    assert_true(base & PA_RIGHT_FD_READ);
    assert_false(base & PA_RIGHT_PATH_OPEN); /* not a directory right */
    assert_int_equal(W_(fd_fdstat_set_rights)(W, fd, base & ~PA_RIGHT_FD_READ,
                                              0),
                     0);
    assert_int_equal(RD(fd, 4, &got), PA_WASI_EBADF);
    assert_int_equal(W_(fd_fdstat_set_rights)(W, fd, base, 0),
                     PA_WASI_ENOTCAPABLE);
    assert_int_equal(WR(fd, "R"), 0);

    /* Times: explicit values, NOW, and invalid combinations. */
    assert_int_equal(W_(fd_filestat_set_times)(W, fd, 111, 222,
                                               PA_FST_ATIM | PA_FST_MTIM),
                     0);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(u64at(RES + 40), 111);
    assert_int_equal(u64at(RES + 48), 222);
    uint64_t ctim = u64at(RES + 56);
    assert_true(ctim > 1600000000ull * 1000000000ull);
    assert_int_equal(W_(fd_filestat_set_times)(W, fd, 1, 1,
                                               PA_FST_ATIM | PA_FST_ATIM_NOW),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_filestat_set_times)(W, fd, 1, 1,
                                               PA_FST_MTIM | PA_FST_MTIM_NOW),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(fd_filestat_set_times)(W, fd, 1, 1, 0x10),
                     PA_WASI_EINVAL);
    memcpy(M + PATH, "tmp/r", 5);
    assert_int_equal(W_(path_filestat_set_times)(W, 3, 0, PATH, 5, 0, 0,
                                                 PA_FST_MTIM_NOW),
                     0);
    assert_int_equal(W_(path_filestat_get)(W, 3, 0, PATH, 5, RES), 0);
    assert_int_equal(u64at(RES + 40), 111);
    assert_true(u64at(RES + 48) >= ctim);
    assert_int_equal(u64at(RES + 0), 1); /* st_dev of the vfs */
    memcpy(M + PATH, "tmp/none", 8);
    assert_int_equal(W_(path_filestat_set_times)(W, 3, 0, PATH, 8, 0, 0,
                                                 PA_FST_MTIM_NOW),
                     PA_WASI_ENOENT);
    /* Writes bump mtime. */
    assert_int_equal(W_(fd_filestat_set_times)(W, fd, 0, 5, PA_FST_MTIM), 0);
    assert_int_equal(WR(fd, "x"), 0);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_true(u64at(RES + 48) > 5);
    assert_int_equal(W_(fd_filestat_set_times)(W, 1, 0, 0, PA_FST_MTIM_NOW),
                     0);
}

static void test_links_and_sockets(void **state) {
    (void)state;
    assert_int_equal(create_file("tmp/t", "t"), 0);
    memcpy(M + PATH, "tmp/t", 5);
    memcpy(M + PATH2, "tmp/u", 5);
    assert_int_equal(W_(path_link)(W, 3, 0, PATH, 5, 3, PATH2, 5),
                     PA_WASI_ENOTSUP);
    assert_int_equal(W_(path_symlink)(W, PATH, 5, 3, PATH2, 5),
                     PA_WASI_ENOTSUP);
    assert_int_equal(stat_path("tmp/u"), PA_WASI_ENOENT);
    memcpy(M + PATH, "tmp/t", 5);
    assert_int_equal(W_(path_readlink)(W, 3, PATH, 5, BUF, 64, RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(path_readlink)(W, 3, PATH2, 5, BUF, 64, RES),
                     PA_WASI_ENOENT);
    assert_int_equal(W_(sock_accept)(W, 3, 0, RES), PA_WASI_ENOTSUP);
    iov(IOV, 0, BUF, 8);
    assert_int_equal(W_(sock_recv)(W, 0, IOV, 1, 0, RES, RES + 4),
                     PA_WASI_ENOTSUP);
    assert_int_equal(W_(sock_send)(W, 1, IOV, 1, 0, RES), PA_WASI_ENOTSUP);
    assert_int_equal(W_(sock_shutdown)(W, 1, 3), PA_WASI_ENOTSUP);
    assert_int_equal(out1_len, 0);
    assert_int_equal(W_(proc_raise)(W, 9), PA_WASI_ENOSYS);
    assert_int_equal(W_(sched_yield)(W), 0);
}

static void test_proc_exit_and_bracketing(void **state) {
    (void)state;
    unsigned long before = pa_stub_enters;
    assert_int_equal(WR(1, "x"), 0);
    assert_int_equal(pa_stub_enters, before + 1);
    assert_int_equal(pa_stub_depth, 0);
    assert_int_equal(W_(sched_yield)(W), 0);
    assert_int_equal(pa_stub_enters, before + 2);
    assert_int_equal(W_(fd_close)(W, 77), PA_WASI_EBADF); /* errors too */
    assert_int_equal(pa_stub_enters, before + 3);
    assert_int_equal(pa_stub_depth, 0);

    jmp_buf jb;
    pa_stub_exit_jmp = &jb;
    if (setjmp(jb) == 0) {
        W_(proc_exit)(W, 42);
        fail_msg("proc_exit returned");
    }
    pa_stub_exit_jmp = NULL;
    assert_int_equal(pa_stub_exit_code, 42);
    assert_int_equal(pa_stub_depth_at_exit, 0);
}

/* ---- clocks, randomness ---- */

static void test_clocks(void **state) {
    (void)state;
    for (uint32_t id = 0; id < 4; id++) {
        assert_int_equal(W_(clock_res_get)(W, id, RES), 0);
        assert_true(u64at(RES) >= 1 && u64at(RES) <= 1000000000u);
        assert_int_equal(W_(clock_time_get)(W, id, 1, RES), 0);
    }
    assert_int_equal(W_(clock_res_get)(W, 4, RES), PA_WASI_EINVAL);
    assert_int_equal(W_(clock_time_get)(W, 0xffffffffu, 0, RES),
                     PA_WASI_EINVAL);
    assert_int_equal(W_(clock_time_get)(W, PA_CLOCK_REALTIME, 0, RES), 0);
    uint64_t real = u64at(RES);
    uint64_t host = (uint64_t)time(NULL) * 1000000000u;
    assert_true(real + 2000000000u > host && real < host + 2000000000u);
    uint64_t prev = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(W_(clock_time_get)(W, PA_CLOCK_MONOTONIC, 0, RES + 1),
                         0); /* unaligned is fine */
        uint64_t t;
        memcpy(&t, M + RES + 1, 8);
        assert_true(t >= prev);
        prev = t;
    }
    volatile double spin = 0;
    assert_int_equal(W_(clock_time_get)(W, PA_CLOCK_THREAD_CPUTIME, 0, RES), 0);
    uint64_t c0 = u64at(RES);
    for (int i = 0; i < 2000000; i++) spin += i;
    assert_int_equal(W_(clock_time_get)(W, PA_CLOCK_THREAD_CPUTIME, 0, RES), 0);
    assert_true(u64at(RES) > c0);
}

static void test_random(void **state) {
    (void)state;
    memset(M + BUF, 0, 8192);
    assert_int_equal(W_(random_get)(W, BUF, 4096), 0);
    assert_int_equal(W_(random_get)(W, BUF + 4096, 4096), 0);
    int zeros = 0;
    for (int i = 0; i < 4096; i++) zeros += M[BUF + i] == 0;
    assert_true(zeros < 64); /* ~16 expected */
    assert_memory_not_equal(M + BUF, M + BUF + 4096, 4096);
    assert_int_equal(W_(random_get)(W, BUF, 0), 0);
    /* The whole memory in one call (loops over getrandom's 32 MiB cap
    ** in general; here it just must not overrun). */
    assert_int_equal(W_(random_get)(W, 0, MEMSZ), 0);
}

/* ---- poll_oneoff ---- */

static void sub_clock(uint32_t i, uint64_t ud, uint32_t id, uint64_t timeout,
                      uint16_t flags) {
    uint32_t at = SUBS + 48 * i;
    memset(M + at, 0x5a, 48); /* padding must be ignored */
    set64(at, ud);
    M[at + 8] = PA_EVENT_CLOCK;
    set32(at + 16, id);
    set64(at + 24, timeout);
    set64(at + 32, 0);
    set16(at + 40, flags);
}

static void sub_fd(uint32_t i, uint64_t ud, uint8_t type, uint32_t fd) {
    uint32_t at = SUBS + 48 * i;
    memset(M + at, 0x5a, 48);
    set64(at, ud);
    M[at + 8] = type;
    set32(at + 16, fd);
}

static void test_poll_relative_sleep(void **state) {
    (void)state;
    sub_clock(0, 0x1122334455667788ull, PA_CLOCK_MONOTONIC, 10000000, 0);
    memset(M + EVS, 0xee, 64);
    uint64_t t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), 0);
    uint64_t dt = mono_ns() - t0;
    assert_true(dt >= 10000000u);
    assert_true(dt < 500000000u);
    assert_int_equal(u32at(RES), 1);
    assert_int_equal(u64at(EVS), 0x1122334455667788ull);
    assert_int_equal(u16at(EVS + 8), 0);
    assert_int_equal(M[EVS + 10], PA_EVENT_CLOCK);
    assert_int_equal(u64at(EVS + 16), 0);
    assert_int_equal(M[EVS + 32], 0xee); /* nothing past one event */

    /* Realtime relative, and two clocks: only the earlier one fires. */
    sub_clock(0, 1, PA_CLOCK_REALTIME, 2000000000u, 0);
    sub_clock(1, 2, PA_CLOCK_REALTIME, 5000000, 0);
    t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 2, RES), 0);
    dt = mono_ns() - t0;
    assert_true(dt >= 5000000u && dt < 1000000000u);
    assert_int_equal(u32at(RES), 1);
    assert_int_equal(u64at(EVS), 2);

    /* Timeout 0 returns at once. */
    sub_clock(0, 3, PA_CLOCK_MONOTONIC, 0, 0);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), 0);
    assert_int_equal(u32at(RES), 1);
    assert_int_equal(u64at(EVS), 3);
}

static void test_poll_absolute_sleep(void **state) {
    (void)state;
    /* Monotonic deadline, as wasi-libc's clock_nanosleep(TIMER_ABSTIME). */
    assert_int_equal(W_(clock_time_get)(W, PA_CLOCK_MONOTONIC, 0, RES), 0);
    uint64_t now = u64at(RES);
    sub_clock(0, 7, PA_CLOCK_MONOTONIC, now + 10000000, PA_SUBCLOCK_ABSTIME);
    uint64_t t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), 0);
    uint64_t t1 = mono_ns();
    assert_true(t1 - t0 >= 9000000u && t1 - t0 < 500000000u);
    assert_int_equal(u32at(RES), 1);
    assert_int_equal(u64at(EVS), 7);
    assert_int_equal(W_(clock_time_get)(W, PA_CLOCK_MONOTONIC, 0, RES), 0);
    assert_true(u64at(RES) >= now + 10000000);
    /* The guest's monotonic clock does not tell the host's uptime. */
    uint64_t host = mono_ns(), guest = u64at(RES);
    assert_true(guest > host + ((uint64_t)3600 * 24 * 365 * 1000000000ull));
    /* Realtime deadline. */
    assert_int_equal(W_(clock_time_get)(W, PA_CLOCK_REALTIME, 0, RES), 0);
    sub_clock(0, 8, PA_CLOCK_REALTIME, u64at(RES) + 10000000,
              PA_SUBCLOCK_ABSTIME);
    t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), 0);
    uint64_t dt = mono_ns() - t0;
    assert_true(dt >= 9000000u && dt < 500000000u);
    assert_int_equal(u64at(EVS), 8);
    /* A deadline in the past fires immediately. */
    sub_clock(0, 9, PA_CLOCK_MONOTONIC, 1, PA_SUBCLOCK_ABSTIME);
    sub_clock(1, 10, PA_CLOCK_REALTIME, 1, PA_SUBCLOCK_ABSTIME);
    t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 2, RES), 0);
    assert_true(mono_ns() - t0 < 100000000u);
    assert_int_equal(u32at(RES), 2);
    assert_int_equal(u64at(EVS), 9);
    assert_int_equal(u64at(EVS + 32), 10);
}

static void test_poll_fds_and_errors(void **state) {
    (void)state;
    assert_int_equal(pa_wasi_set_stdin(W, (const uint8_t *)"12345", 5), 0);
    uint32_t fd;
    assert_int_equal(create_file("tmp/p", "abc"), 0);
    assert_int_equal(OPEN("tmp/p", 0, R_RDONLY, 0, &fd), 0);
    sub_clock(0, 100, PA_CLOCK_MONOTONIC, 5000000000ull, 0);
    sub_fd(1, 101, PA_EVENT_FD_READ, 0);
    sub_fd(2, 102, PA_EVENT_FD_WRITE, 1);
    sub_fd(3, 103, PA_EVENT_FD_READ, 200);   /* closed fd */
    sub_fd(4, 104, PA_EVENT_FD_READ, fd);
    sub_fd(5, 105, PA_EVENT_FD_WRITE, fd);   /* read-only fd */
    uint64_t t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 6, RES), 0);
    assert_true(mono_ns() - t0 < 1000000000u); /* no sleep */
    assert_int_equal(u32at(RES), 5);
    uint64_t want_ud[] = {101, 102, 103, 104, 105};
    uint16_t want_err[] = {0, 0, PA_WASI_EBADF, 0, PA_WASI_EBADF};
    uint8_t want_type[] = {1, 2, 1, 1, 2};
    uint64_t want_nbytes[] = {5, 0, 0, 3, 0};
    for (int i = 0; i < 5; i++) {
        uint32_t e = EVS + 32 * (uint32_t)i;
        assert_int_equal(u64at(e), want_ud[i]);
        assert_int_equal(u16at(e + 8), want_err[i]);
        assert_int_equal(M[e + 10], want_type[i]);
        assert_int_equal(u64at(e + 16), want_nbytes[i]);
        assert_int_equal(u16at(e + 24), 0);
    }
    /* Events written over the subscriptions themselves. */
    sub_fd(0, 201, PA_EVENT_FD_WRITE, 2);
    sub_fd(1, 202, PA_EVENT_FD_READ, 0);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, SUBS, 2, SUBS + 100), 0);
    assert_int_equal(u32at(SUBS + 100), 2);
    assert_int_equal(u64at(SUBS), 201);
    assert_int_equal(u64at(SUBS + 32), 202);
    assert_int_equal(u64at(SUBS + 48), 5);
    assert_int_equal(u32at(SUBS + 8) & 0xffffff, 0 | (2 << 16));
    /* Errors of the call itself. */
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 0, RES), PA_WASI_EINVAL);
    sub_fd(0, 1, 7, 0);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), PA_WASI_EINVAL);
    sub_clock(0, 1, PA_CLOCK_MONOTONIC, 0, 0x2);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), PA_WASI_EINVAL);
    /* A clock we cannot sleep on is an event error, immediately. */
    sub_clock(0, 55, PA_CLOCK_PROCESS_CPUTIME, 5000000000ull, 0);
    sub_clock(1, 56, 99, 5000000000ull, 0);
    t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 2, RES), 0);
    assert_true(mono_ns() - t0 < 1000000000u);
    assert_int_equal(u32at(RES), 2);
    assert_int_equal(u16at(EVS + 8), PA_WASI_EINVAL);
    assert_int_equal(u16at(EVS + 40), PA_WASI_EINVAL);
}

static pthread_t main_thread;
static atomic_int kicker_set_flag;

static void on_usr1(int sig) { (void)sig; }

static void *kicker(void *arg) {
    (void)arg;
    struct timespec ts = {0, 20000000};
    nanosleep(&ts, NULL);
    int mode = atomic_load(&kicker_set_flag); /* 0 signal, 1 both, 2 flag */
    if (mode) atomic_store(&pa_stub_interrupt, 1);
    if (mode != 2) pthread_kill(main_thread, SIGUSR1);
    return NULL;
}

static void test_poll_interruptible(void **state) {
    (void)state;
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1; /* no SA_RESTART */
    sigemptyset(&sa.sa_mask);
    assert_int_equal(sigaction(SIGUSR1, &sa, &old), 0);
    main_thread = pthread_self();
    pthread_t th;

    /* A signal without a pending interrupt: the sleep resumes. */
    atomic_store(&kicker_set_flag, 0);
    sub_clock(0, 1, PA_CLOCK_MONOTONIC, 80000000, 0);
    uint64_t t0 = mono_ns();
    assert_int_equal(pthread_create(&th, NULL, kicker, NULL), 0);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), 0);
    uint64_t dt = mono_ns() - t0;
    pthread_join(th, NULL);
    assert_true(dt >= 80000000u);
    assert_int_equal(u32at(RES), 1);

    /* With the interrupt pending, a 10 s sleep ends at the signal. */
    atomic_store(&kicker_set_flag, 1);
    sub_clock(0, 1, PA_CLOCK_MONOTONIC, 10000000000ull, 0);
    set32(RES, 77);
    t0 = mono_ns();
    assert_int_equal(pthread_create(&th, NULL, kicker, NULL), 0);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), PA_WASI_EINTR);
    dt = mono_ns() - t0;
    pthread_join(th, NULL);
    assert_true(dt < 2000000000u);
    assert_int_equal(u32at(RES), 77);
    /* And an interrupt already pending means no sleep at all. */
    t0 = mono_ns();
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), PA_WASI_EINTR);
    assert_true(mono_ns() - t0 < 1000000000u);
    assert_int_equal(W_(random_get)(W, BUF, 16), PA_WASI_EINTR);
    atomic_store(&pa_stub_interrupt, 0);

    /* An interrupt whose signal was lost (raised with no signal at all) is
    ** still noticed within one sleep slice. */
    atomic_store(&kicker_set_flag, 2);
    t0 = mono_ns();
    assert_int_equal(pthread_create(&th, NULL, kicker, NULL), 0);
    assert_int_equal(W_(poll_oneoff)(W, SUBS, EVS, 1, RES), PA_WASI_EINTR);
    dt = mono_ns() - t0;
    pthread_join(th, NULL);
    assert_true(dt < 2000000000u);
    atomic_store(&pa_stub_interrupt, 0);
    sigaction(SIGUSR1, &old, NULL);
}

/* ---- public API ---- */

static void test_add_ro_file_api(void **state) {
    (void)state;
    const uint8_t d[] = "nested";
    assert_int_equal(pa_wasi_add_ro_file(W, "/lib/a/b/c.txt", d, 6), 0);
    assert_int_equal(stat_path("lib/a/b"), 0);
    assert_int_equal(M[RES + 16], PA_WASI_FILETYPE_DIRECTORY);
    assert_int_equal(MKDIR("lib/a/b/x"), PA_WASI_EACCES);
    uint32_t fd, got;
    assert_int_equal(OPEN("lib/a/b/c.txt", 0, R_RDONLY, 0, &fd), 0);
    assert_int_equal(RD(fd, 10, &got), 0);
    assert_int_equal(got, 6);
    assert_memory_equal(M + BUF2, "nested", 6);
    assert_int_equal(pa_wasi_add_ro_file(W, "/lib/a/b/c.txt", d, 6), -EEXIST);
    assert_int_equal(pa_wasi_add_ro_file(W, "/tmp/x", d, 6), -EINVAL);
    assert_int_equal(pa_wasi_add_ro_file(W, "lib/rel", d, 6), -EINVAL);
    assert_int_equal(pa_wasi_add_ro_file(W, "/lib/../x", d, 6), -EINVAL);
    assert_int_equal(pa_wasi_add_ro_file(W, "/lib/", d, 6), -EINVAL);
    assert_int_equal(pa_wasi_add_ro_file(W, "/lib/python311.zip/x", d, 6),
                     -ENOTDIR);
    assert_int_equal(pa_wasi_add_ro_file(W, "/empty", NULL, 0), 0);
    assert_int_equal(stat_path("empty"), 0);
    assert_int_equal(u64at(RES + 32), 0);
    char longname[300];
    memset(longname, 'n', sizeof longname);
    longname[0] = '/';
    longname[299] = '\0';
    assert_int_equal(pa_wasi_add_ro_file(W, longname, d, 6), -ENAMETOOLONG);
    /* Defaults with a NULL config: output is discarded. */
    pa_wasi *w = pa_wasi_new(NULL);
    assert_non_null(w);
    pa_wasi_set_memory(w, &mem);
    assert_int_equal(wr_at(w, 1, "dropped", 7), 0);
    assert_int_equal(out1_len, 0);
    pa_wasi_free(w);
    pa_wasi_free(NULL);
}

/* ---- snapshots: pa_wasi_save / pa_wasi_load / pa_wasi_reset ----
**
** A "rich" state holds everything the format has to carry.  Contexts are
** compared through the imports (observe()); the quota counters, the node
** list and reference counts, which the guest can't see, are read from the
** context struct (wasi_impl.h). */

#define FIXED_NODES 4u /* make(): "/", "/lib", "/tmp", /lib/python311.zip */
#define FRESH_NEXT_INO 5u

/* Fds of the rich state. */
enum {
    RICH_STDOUT = 40,   /* stdout renumbered; stdin closed */
    RICH_PREOPEN = 200, /* the preopen renumbered */
    RICH_LOG = 77,      /* append, position 2 */
};
static uint32_t rich_gone, rich_rmdir, rich_adir, rich_zip;
static const uint8_t BIN[] = {0, 1, 2, 0, 0xff, 'x', 0, 0x80, 0};

static uint32_t wpath(pa_wasi *w,
                      uint32_t (*fn)(pa_wasi *, uint32_t, uint32_t, uint32_t),
                      uint32_t dirfd, const char *p) {
    memcpy(M + PATH, p, strlen(p));
    return fn(w, dirfd, PATH, (uint32_t)strlen(p));
}

static uint32_t set_times(pa_wasi *w, uint32_t dirfd, const char *p,
                          uint64_t atim, uint64_t mtim) {
    memcpy(M + PATH, p, strlen(p));
    return W_(path_filestat_set_times)(w, dirfd, 0, PATH, (uint32_t)strlen(p),
                                       atim, mtim, PA_FST_ATIM | PA_FST_MTIM);
}

static void build_rich_state(void) {
    uint32_t fd, log;
    assert_int_equal(MKDIR("tmp/a"), 0);
    assert_int_equal(MKDIR("tmp/a/b"), 0);
    assert_int_equal(MKDIR("tmp/a/b/c"), 0);
    assert_int_equal(OPEN("tmp/a/bin", PA_OFLAG_CREAT, R_RDWR, 0, &fd), 0);
    assert_int_equal(wr_at(W, fd, BIN, sizeof BIN), 0);
    assert_int_equal(W_(fd_close)(W, fd), 0);
    assert_int_equal(create_file("tmp/a/b/c/deep", "deep down"), 0);
    assert_int_equal(create_file("tmp/top", "top"), 0);
    assert_int_equal(create_file("tmp/gap1", "1"), 0);
    assert_int_equal(create_file("tmp/gap2", "22"), 0);
    assert_int_equal(create_file("tmp/empty", ""), 0);
    assert_int_equal(UNLINK("tmp/gap1"), 0); /* a hole in the cookies */
    /* An older directory moved into a newer one, a file moved down. */
    assert_int_equal(MKDIR("tmp/z"), 0);
    assert_int_equal(RENAME("tmp/a/b/c", "tmp/z/c"), 0);
    assert_int_equal(RENAME("tmp/top", "tmp/a/b/top2"), 0);
    assert_int_equal(set_times(W, 3, "tmp/a/bin", 111, 222), 0);
    assert_int_equal(set_times(W, 3, "tmp/z", 333, 444), 0);
    /* Unlinked while open, position 3. */
    assert_int_equal(OPEN("tmp/gone", PA_OFLAG_CREAT, R_RDWR, 0, &rich_gone),
                     0);
    assert_int_equal(wr_at(W, rich_gone, BIN, sizeof BIN), 0);
    assert_int_equal(UNLINK("tmp/gone"), 0);
    assert_int_equal(W_(fd_seek)(W, rich_gone, 3, PA_WHENCE_SET, RES), 0);
    /* Removed while open. */
    assert_int_equal(MKDIR("tmp/rm"), 0);
    assert_int_equal(OPEN("tmp/rm", PA_OFLAG_DIRECTORY, R_RDONLY, 0,
                          &rich_rmdir),
                     0);
    assert_int_equal(RMDIR("tmp/rm"), 0);
    /* Directory fds: a guest one, /tmp, the root (not the preopen). */
    assert_int_equal(OPEN("tmp/a", PA_OFLAG_DIRECTORY, R_RDONLY, 0,
                          &rich_adir),
                     0);
    assert_int_equal(OPEN("tmp", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &fd), 0);
    assert_int_equal(OPEN(".", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &fd), 0);
    /* Append, with a position of its own, renumbered. */
    assert_int_equal(OPEN("tmp/log", PA_OFLAG_CREAT, R_RDWR, PA_FDFLAG_APPEND,
                          &log),
                     0);
    assert_int_equal(WR(log, "0123456789"), 0);
    assert_int_equal(W_(fd_seek)(W, log, 2, PA_WHENCE_SET, RES), 0);
    assert_int_equal(W_(fd_renumber)(W, log, RICH_LOG), 0);
    /* A read-only file, positioned past its end, with rights dropped. */
    assert_int_equal(OPEN("lib/python311.zip", 0, R_RDONLY, 0, &rich_zip), 0);
    assert_int_equal(W_(fd_seek)(W, rich_zip, 1000, PA_WHENCE_SET, RES), 0);
    assert_int_equal(W_(fd_fdstat_set_rights)(
                         W, rich_zip,
                         PA_RIGHT_FD_READ | PA_RIGHT_FD_SEEK |
                             PA_RIGHT_FD_TELL | PA_RIGHT_FD_FILESTAT_GET,
                         0),
                     0);
    assert_int_equal(W_(fd_fdstat_set_flags)(W, 2, PA_FDFLAG_NONBLOCK), 0);
    /* stdio and the preopen moved, stdin closed. */
    assert_int_equal(W_(fd_renumber)(W, 1, RICH_STDOUT), 0);
    assert_int_equal(W_(fd_close)(W, 0), 0);
    assert_int_equal(W_(fd_renumber)(W, 3, RICH_PREOPEN), 0);
}

static uint8_t obs[2][1 << 17];

typedef struct obuf {
    uint8_t *p;
    size_t n;
    bool times; /* false: blank timestamps (runs at different instants) */
} obuf;

static void oput(obuf *o, const void *d, size_t n) {
    assert_true(o->n + n <= sizeof obs[0]);
    memcpy(o->p + o->n, d, n);
    o->n += n;
}
static void orc(obuf *o, uint32_t rc) { oput(o, &rc, 4); }
static void ostat(obuf *o) {
    if (!o->times) memset(M + RES + PA_FILESTAT_ATIM, 0, 24);
    oput(o, M + RES, PA_FILESTAT_SIZE);
}

/* Listing and contents behind an open fd (errors are recorded too). */
static void observe_data(pa_wasi *w, uint32_t fd, obuf *o) {
    memset(M + BUF2, 0, 4096);
    uint32_t rc = W_(fd_readdir)(w, fd, BUF2, 4096, 0, RES);
    orc(o, rc);
    if (!rc) oput(o, M + BUF2, u32at(RES));
    iov(IOV, 0, BUF2, 4096);
    rc = W_(fd_pread)(w, fd, IOV, 1, 0, RES);
    orc(o, rc);
    if (!rc) oput(o, M + BUF2, u32at(RES));
}

/* Everything the guest can see of the fd table and the tree, without
** changing it: every fd's fdstat, filestat, prestat, offset, listing and
** contents, and the stat and listing of a set of paths. */
static size_t observe(pa_wasi *w, uint32_t dirfd, int which, bool times) {
    static const char *paths[] = {
        ".", "lib", "lib/python311.zip", "tmp", "tmp/a", "tmp/a/bin",
        "tmp/a/b", "tmp/a/b/top2", "tmp/z", "tmp/z/c", "tmp/z/c/deep",
        "tmp/gap2", "tmp/empty", "tmp/log", "tmp/gone", "tmp/rm", "tmp/new",
        "tmp/z/n2",
    };
    obuf o = {obs[which], 0, times};
    for (uint32_t fd = 0; fd < 256; fd++) {
        uint32_t rc = W_(fd_fdstat_get)(w, fd, RES);
        orc(&o, rc);
        if (rc) continue;
        oput(&o, M + RES, PA_FDSTAT_SIZE);
        orc(&o, W_(fd_filestat_get)(w, fd, RES));
        ostat(&o);
        orc(&o, W_(fd_prestat_get)(w, fd, RES));
        rc = W_(fd_tell)(w, fd, RES);
        orc(&o, rc);
        if (!rc) oput(&o, M + RES, 8);
        observe_data(w, fd, &o);
    }
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        size_t n = strlen(paths[i]);
        memcpy(M + PATH, paths[i], n);
        uint32_t rc = W_(path_filestat_get)(w, dirfd, 0, PATH, (uint32_t)n,
                                            RES);
        orc(&o, rc);
        if (rc) continue;
        ostat(&o);
        rc = W_(path_open)(w, dirfd, 0, PATH, (uint32_t)n, 0, R_RDONLY,
                           R_RDONLY, 0, RES);
        orc(&o, rc);
        if (rc) continue;
        uint32_t fd = u32at(RES);
        observe_data(w, fd, &o);
        assert_int_equal(W_(fd_close)(w, fd), 0);
    }
    return o.n;
}

static void assert_same_view(pa_wasi *a, pa_wasi *b, uint32_t dirfd,
                             bool times) {
    size_t na = observe(a, dirfd, 0, times);
    size_t nb = observe(b, dirfd, 1, times);
    assert_int_equal(na, nb);
    assert_memory_equal(obs[0], obs[1], na);
    assert_int_equal(a->vfs.used_files, b->vfs.used_files);
    assert_int_equal(a->vfs.used_bytes, b->vfs.used_bytes);
}

static size_t count_nodes(const pa_wasi *w) {
    size_t n = 0;
    for (const pa_node *p = w->vfs.all; p; p = p->all_next) n++;
    return n;
}

/* Cheap internal check that w is in its fresh state. */
static void assert_fresh_fast(const pa_wasi *w) {
    assert_int_equal(w->vfs.used_files, 0);
    assert_int_equal(w->vfs.used_bytes, 0);
    assert_int_equal(w->vfs.tmp->nslots, 0);
    assert_int_equal(w->vfs.tmp->next_seq, 2);
    assert_int_equal(w->vfs.next_ino, FRESH_NEXT_INO);
    assert_int_equal(count_nodes(w), FIXED_NODES);
    assert_int_equal(w->fds[0].kind, PA_FD_STDIN);
    assert_int_equal(w->fds[1].kind, PA_FD_STDOUT);
    assert_int_equal(w->fds[2].kind, PA_FD_STDERR);
    assert_true(w->fds[3].preopen && w->fds[3].node == w->vfs.root);
    for (uint32_t fd = 4; fd < PA_WASI_MAX_FDS; fd++)
        assert_int_equal(w->fds[fd].kind, PA_FD_FREE);
}

/* The same, through the imports, comparing with a brand-new context; then
** check that w still works (creates, lists, and is reset again). */
static void assert_fresh(pa_wasi *w) {
    assert_fresh_fast(w);
    pa_wasi *ref = make(0, 0);
    assert_same_view(ref, w, 3, false);
    assert_int_equal(w->vfs.root->refs, ref->vfs.root->refs);
    assert_int_equal(w->vfs.tmp->refs, ref->vfs.tmp->refs);
    uint32_t fd1, fd2;
    assert_int_equal(open_at(w, 3, "tmp/new", PA_OFLAG_CREAT, R_RDWR, 0, &fd1),
                     0);
    assert_int_equal(open_at(ref, 3, "tmp/new", PA_OFLAG_CREAT, R_RDWR, 0,
                             &fd2),
                     0);
    assert_int_equal(fd1, fd2);
    assert_int_equal(wr_at(w, fd1, "x", 1), 0);
    assert_int_equal(wr_at(ref, fd2, "x", 1), 0);
    assert_same_view(ref, w, 3, false); /* same inode, same cookie */
    pa_wasi_free(ref);
    pa_wasi_reset(w);
    assert_fresh_fast(w);
}

static void save_ok(const pa_wasi *w, uint8_t **buf, size_t *len) {
    *buf = NULL;
    assert_int_equal(pa_wasi_save(w, buf, len), 0);
    assert_non_null(*buf);
}

static void test_state_round_trip(void **state) {
    (void)state;
    uint32_t got;
    build_rich_state();
    uint8_t *buf, *buf2;
    size_t len, len2;
    save_ok(W, &buf, &len);

    pa_wasi *w2 = make(0, 0);
    assert_int_equal(pa_wasi_load(w2, buf, len), 0);
    assert_same_view(W, w2, RICH_PREOPEN, true);
    /* save -> load -> save is the identity. */
    save_ok(w2, &buf2, &len2);
    assert_int_equal(len2, len);
    assert_memory_equal(buf2, buf, len);
    free(buf2);

    /* Spot checks, in case observe() missed something. */
    assert_int_equal(W_(fd_filestat_get)(w2, rich_gone, RES), 0);
    assert_int_equal(u64at(RES + PA_FILESTAT_NLINK), 0);
    assert_int_equal(u64at(RES + PA_FILESTAT_FSIZE), sizeof BIN);
    assert_int_equal(rd_at(w2, rich_gone, 100, &got), 0);
    assert_int_equal(got, sizeof BIN - 3);
    assert_memory_equal(M + BUF2, BIN + 3, sizeof BIN - 3);
    assert_int_equal(W_(fd_seek)(w2, rich_gone, 3, PA_WHENCE_SET, RES), 0);
    assert_int_equal(W_(fd_filestat_get)(w2, rich_rmdir, RES), 0);
    assert_int_equal(u64at(RES + PA_FILESTAT_NLINK), 0);
    assert_int_equal(W_(fd_readdir)(w2, rich_rmdir, BUF2, 4096, 0, RES), 0);
    assert_int_equal(u32at(RES), 2 * PA_DIRENT_SIZE + 3);
    memcpy(M + PATH, "tmp/a/bin", 9);
    assert_int_equal(W_(path_filestat_get)(w2, RICH_PREOPEN, 0, PATH, 9, RES),
                     0);
    assert_int_equal(u64at(RES + PA_FILESTAT_ATIM), 111);
    assert_int_equal(u64at(RES + PA_FILESTAT_MTIM), 222);
    assert_int_equal(W_(fd_tell)(w2, RICH_LOG, RES), 0);
    assert_int_equal(u64at(RES), 2);
    assert_int_equal(W_(fd_tell)(w2, rich_zip, RES), 0);
    assert_int_equal(u64at(RES), 1000);
    assert_int_equal(W_(fd_prestat_get)(w2, RICH_PREOPEN, RES), 0);
    assert_int_equal(W_(fd_prestat_get)(w2, 3, RES), PA_WASI_EBADF);
    assert_int_equal(rd_at(w2, 0, 4, &got), PA_WASI_EBADF);
    assert_int_equal(wr_at(w2, RICH_STDOUT, "via 40", 6), 0);
    assert_int_equal(out1_len, 6);
    assert_memory_equal(out1, "via 40", 6);
    assert_int_equal(w2->vfs.next_ino, W->vfs.next_ino);

    /* Both go on identically: append, write an unlinked file, create
    ** (fresh inode, next cookie), remove, close the last fd of a removed
    ** directory (freed, uncharged). */
    pa_wasi *both[2] = {W, w2};
    for (int i = 0; i < 2; i++) {
        pa_wasi *w = both[i];
        uint32_t fd;
        assert_int_equal(wr_at(w, RICH_LOG, "AB", 2), 0);
        assert_int_equal(wr_at(w, rich_gone, "more", 4), 0);
        assert_int_equal(open_at(w, RICH_PREOPEN, "tmp/new", PA_OFLAG_CREAT,
                                 R_RDWR, 0, &fd),
                         0);
        assert_int_equal(fd, 0);
        assert_int_equal(wr_at(w, fd, "new", 3), 0);
        assert_int_equal(wpath(w, W_(path_create_directory), RICH_PREOPEN,
                               "tmp/z/n2"),
                         0);
        assert_int_equal(wpath(w, W_(path_unlink_file), RICH_PREOPEN,
                               "tmp/gap2"),
                         0);
        assert_int_equal(W_(fd_close)(w, rich_rmdir), 0);
    }
    assert_same_view(W, w2, RICH_PREOPEN, false);
    assert_int_equal(W_(fd_tell)(w2, RICH_LOG, RES), 0);
    assert_int_equal(u64at(RES), 12);

    /* Reference counts are right: closing every fd and removing every
    ** entry frees every node the load made, and only those. */
    pa_wasi_reset(w2);
    assert_fresh(w2);
    pa_wasi_free(w2);
    free(buf);
}

static void test_state_truncated(void **state) {
    (void)state;
    build_rich_state();
    uint8_t *buf;
    size_t len;
    save_ok(W, &buf, &len);
    pa_wasi *w2 = make(0, 0);
    assert_int_equal(pa_wasi_load(w2, NULL, 0), -EINVAL);
    for (size_t n = 0; n < len; n++) {
        /* A copy of exactly n bytes, so ASan sees any read past it. */
        uint8_t *cut = malloc(n ? n : 1);
        assert_non_null(cut);
        memcpy(cut, buf, n);
        assert_int_equal(pa_wasi_load(w2, cut, n), -EINVAL);
        free(cut);
        assert_fresh_fast(w2);
    }
    assert_fresh(w2);
    /* Trailing garbage, a wrong magic, an unknown version. */
    uint8_t *more = malloc(len + 1);
    assert_non_null(more);
    memcpy(more, buf, len);
    more[len] = 0;
    assert_int_equal(pa_wasi_load(w2, more, len + 1), -EINVAL);
    assert_fresh_fast(w2);
    more[0] = 'X';
    assert_int_equal(pa_wasi_load(w2, more, len), -EINVAL);
    more[0] = buf[0];
    more[4]++;
    assert_int_equal(pa_wasi_load(w2, more, len), -EINVAL);
    assert_fresh(w2);
    free(more);
    /* And the whole buffer still loads. */
    assert_int_equal(pa_wasi_load(w2, buf, len), 0);
    assert_same_view(W, w2, RICH_PREOPEN, true);
    pa_wasi_free(w2);
    free(buf);
}

/* After a successful load of a corrupted buffer the state must still be
** self-consistent: it saves, the save loads, and a reset frees it all. */
static void check_loaded_consistent(pa_wasi *w, pa_wasi *other) {
    uint8_t *b;
    size_t n;
    save_ok(w, &b, &n);
    assert_int_equal(pa_wasi_load(other, b, n), 0);
    free(b);
    pa_wasi_reset(other);
    assert_fresh_fast(other);
    pa_wasi_reset(w);
    assert_fresh_fast(w);
}

static void test_state_corrupted(void **state) {
    (void)state;
    build_rich_state();
    uint8_t *buf;
    size_t len;
    save_ok(W, &buf, &len);
    pa_wasi *w2 = make(0, 0), *w3 = make(0, 0);
    uint8_t *bad = malloc(len);
    assert_non_null(bad);
    unsigned loaded = 0, rejected = 0;
    uint32_t rng = 12345;
    for (size_t pos = 0; pos < len; pos++) {
        uint8_t b = buf[pos];
        rng = rng * 1103515245u + 12345u;
        const uint8_t vals[] = {(uint8_t)(b ^ 1),    (uint8_t)(b ^ 0x80),
                                (uint8_t)(b + 1),    (uint8_t)(b - 1),
                                0,                   0xff,
                                (uint8_t)(rng >> 16)};
        for (size_t k = 0; k < sizeof vals; k++) {
            if (vals[k] == b) continue;
            memcpy(bad, buf, len);
            bad[pos] = vals[k];
            int rc = pa_wasi_load(w2, bad, len);
            if (rc == 0) {
                loaded++;
                check_loaded_consistent(w2, w3);
            } else {
                rejected++;
                assert_true(rc == -EINVAL || rc == -EDQUOT);
                assert_fresh_fast(w2);
            }
        }
    }
    /* Random multi-byte damage too. */
    for (int i = 0; i < 3000; i++) {
        memcpy(bad, buf, len);
        for (int j = 0; j < 4; j++) {
            rng = rng * 1103515245u + 12345u;
            bad[(rng >> 8) % len] = (uint8_t)(rng >> 24);
        }
        int rc = pa_wasi_load(w2, bad, len);
        if (rc == 0) check_loaded_consistent(w2, w3);
        else assert_fresh_fast(w2);
    }
    /* Times, data bytes and the like load fine; structure mostly doesn't. */
    assert_true(loaded > 0 && rejected > loaded);
    assert_fresh(w2);
    free(bad);
    pa_wasi_free(w2);
    pa_wasi_free(w3);
    free(buf);
}

static void test_state_quota(void **state) {
    (void)state;
    build_rich_state();
    uint8_t *buf;
    size_t len;
    save_ok(W, &buf, &len);
    uint64_t bytes = W->vfs.used_bytes;
    uint32_t files = W->vfs.used_files;
    assert_true(bytes > 0 && files > 2);

    pa_wasi *w2 = make(0, files - 1);
    assert_int_equal(pa_wasi_load(w2, buf, len), -EDQUOT);
    assert_fresh_fast(w2);
    pa_wasi_free(w2);
    w2 = make(0, 1);
    assert_int_equal(pa_wasi_load(w2, buf, len), -EDQUOT);
    assert_fresh_fast(w2);
    pa_wasi_free(w2);
    w2 = make(bytes - 1, 0);
    assert_int_equal(pa_wasi_load(w2, buf, len), -EDQUOT);
    assert_fresh(w2);
    pa_wasi_free(w2);
    /* Exactly at the quotas: fits, and charges exactly the same. */
    w2 = make(bytes, files);
    assert_int_equal(pa_wasi_load(w2, buf, len), 0);
    assert_int_equal(w2->vfs.used_bytes, bytes);
    assert_int_equal(w2->vfs.used_files, files);
    memcpy(M + PATH, "tmp/x", 5);
    assert_int_equal(W_(path_create_directory)(w2, RICH_PREOPEN, PATH, 5),
                     PA_WASI_EDQUOT);
    pa_wasi_free(w2);
    free(buf);
}

static void test_state_reset(void **state) {
    (void)state;
    uint32_t got;
    /* Reset of a fresh context changes nothing, any number of times. */
    pa_wasi_reset(W);
    pa_wasi_reset(W);
    assert_fresh_fast(W);
    build_rich_state();
    /* Deep nesting: the reset must not recurse. */
    assert_int_equal(wpath(W, W_(path_create_directory), RICH_PREOPEN,
                           "tmp/deep"),
                     0);
    uint32_t d;
    assert_int_equal(open_at(W, RICH_PREOPEN, "tmp/deep", PA_OFLAG_DIRECTORY,
                             R_RDONLY, 0, &d),
                     0);
    for (int i = 0; i < 200; i++) {
        uint32_t nd;
        assert_int_equal(wpath(W, W_(path_create_directory), d, "d"), 0);
        assert_int_equal(open_at(W, d, "d", PA_OFLAG_DIRECTORY, R_RDONLY, 0,
                                 &nd),
                         0);
        assert_int_equal(W_(fd_close)(W, d), 0);
        d = nd;
    }
    assert_int_equal(open_at(W, d, "leaf", PA_OFLAG_CREAT, R_RDWR, 0, &got),
                     0);
    assert_int_equal(pa_wasi_set_stdin(W, (const uint8_t *)"abc", 3), 0);
    assert_true(W->vfs.used_files > 200);

    pa_wasi_reset(W);
    assert_fresh(W);
    assert_int_equal(rd_at(W, 0, 10, &got), 0); /* stdin is empty */
    assert_int_equal(got, 0);
    assert_int_equal(WR(1, "out"), 0); /* stdout back at 1 */
    assert_memory_equal(out1, "out", 3);
    pa_wasi_reset(W);
    assert_fresh_fast(W);
}

/* ---- hand-built states: one defect each ---- */

typedef struct sbuf {
    uint8_t b[2048];
    size_t n;
} sbuf;

static void sbput(sbuf *s, const void *d, size_t n) {
    assert_true(s->n + n <= sizeof s->b);
    memcpy(s->b + s->n, d, n);
    s->n += n;
}
static void sb8(sbuf *s, uint8_t v) { sbput(s, &v, 1); }
static void sb16(sbuf *s, uint16_t v) {
    sb8(s, (uint8_t)v);
    sb8(s, (uint8_t)(v >> 8));
}
static void sb32(sbuf *s, uint32_t v) {
    sb16(s, (uint16_t)v);
    sb16(s, (uint16_t)(v >> 16));
}
static void sb64(sbuf *s, uint64_t v) {
    sb32(s, (uint32_t)v);
    sb32(s, (uint32_t)(v >> 32));
}
static void sb_node(sbuf *s, uint8_t type, uint8_t origin, uint64_t ino) {
    sb8(s, type);
    sb8(s, origin);
    sb64(s, ino);
    sb64(s, ino * 10); /* atim, mtim, ctim */
    sb64(s, ino * 10 + 1);
    sb64(s, ino * 10 + 2);
}
static void sb_link(sbuf *s, uint32_t dir, uint32_t child, uint64_t seq,
                    const char *name, size_t len) {
    sb32(s, dir);
    sb32(s, child);
    sb64(s, seq);
    sb16(s, (uint16_t)len);
    sbput(s, name, len);
}
static void sb_fd(sbuf *s, uint32_t slot, uint8_t kind, uint8_t preopen,
                  uint16_t flags, uint64_t base, uint64_t inh, uint64_t pos) {
    sb32(s, slot);
    sb8(s, kind);
    sb8(s, preopen);
    sb16(s, flags);
    sb64(s, base);
    sb64(s, inh);
    sb64(s, pos);
}

enum {
    D_NONE, D_MAGIC, D_VERSION, D_TRAILING, D_NEXT_INO, D_NODE_COUNT,
    D_TYPE, D_ORIGIN, D_INO_ORDER, D_FIXED_UNKNOWN, D_FIXED_TYPE,
    D_FIXED_SIZE, D_GUEST_INO_LOW, D_FILE_SIZE, D_DIR_NEXT_SEQ,
    D_LINK_COUNT, D_NAME_DOT, D_NAME_DOTDOT, D_NAME_SLASH, D_NAME_NUL,
    D_NAME_EMPTY, D_NAME_LONG, D_DUP_NAME, D_SEQ_ORDER, D_SEQ_NEXT,
    D_TMP_SEQ_NEXT, D_TWO_PARENTS, D_CYCLE, D_CHILD_FIRST, D_LINK_RANGE,
    D_LINK_INTO_FILE, D_LINK_INTO_LIB, D_LINK_FIXED, D_ORPHAN, D_FD_COUNT,
    D_FD_SLOT, D_FD_ORDER, D_FD_KIND, D_FD_NODE_RANGE, D_FD_FLAGS,
    D_FD_PREOPEN_BYTE, D_STDOUT_TWICE, D_STDIO_PREOPEN, D_STDIO_POS,
    D_STDIO_RIGHTS, D_PREOPEN_FILE, D_PREOPEN_NOT_ROOT, D_PREOPEN_TWICE,
    D_PREOPEN_RIGHTS, D_FILE_DIR_RIGHTS, D_INH_RIGHTS, D_RO_WRITE, D_POS,
    D_DIR_POS, D_BIG_INO, D_BIG_SEQ, D_COUNT
};

/* make()'s fixed nodes (/ 1, /lib 2, /tmp 3, the zip 4), then guest nodes:
** dir "d" (idx 4), file "d/f" = "hi" (5), dir "e" (6), an unlinked open
** file "x" (7); fds: stdio, the preopen, 4 -> the unlinked file at 1,
** 5 -> "e".  rights[] are the fresh context's for fds 0-3. */
static size_t build_state(uint8_t *out, int bad, const uint64_t rights[4][2]) {
    sbuf s = {.n = 0};
    uint64_t g = bad == D_FIXED_UNKNOWN ? 6 : 5; /* first guest inode */
    sbput(&s, bad == D_MAGIC ? "PAWZ" : "PAWS", 4);
    sb32(&s, bad == D_VERSION ? 2 : 1);
    sb64(&s, bad == D_NEXT_INO  ? g + 3
             : bad == D_BIG_INO ? (uint64_t)1 << 63
                                : g + 4);

    sb32(&s, bad == D_NODE_COUNT ? 0xffffffffu : 8);
    sb_node(&s, 3, 0, 1);
    sb_node(&s, 3, 0, 2);
    sb_node(&s, 3, 0, 3);
    sb64(&s, bad == D_TMP_SEQ_NEXT ? 5 : 10);
    sb_node(&s, bad == D_FIXED_TYPE ? 3 : 4, bad == D_GUEST_INO_LOW ? 1 : 0,
            bad == D_FIXED_UNKNOWN ? 5 : 4);
    if (bad != D_FIXED_TYPE) {
        sb64(&s, sizeof ZIPDATA - 1 + (bad == D_FIXED_SIZE));
        if (bad == D_GUEST_INO_LOW) sbput(&s, ZIPDATA, sizeof ZIPDATA - 1);
    }
    sb_node(&s, bad == D_TYPE ? 5 : 3, bad == D_ORIGIN ? 2 : 1, g);
    sb64(&s, bad == D_DIR_NEXT_SEQ ? 1
             : bad == D_BIG_SEQ    ? (uint64_t)1 << 63
                                   : 5);
    sb_node(&s, 4, 1, bad == D_INO_ORDER ? g : g + 1);
    sb64(&s, bad == D_FILE_SIZE ? (uint64_t)1 << 40 : 2);
    sbput(&s, "hi", 2);
    sb_node(&s, 3, 1, g + 2);
    sb64(&s, 3);
    sb_node(&s, 4, 1, g + 3);
    sb64(&s, 1);
    sbput(&s, "x", 1);

    /* Links; normally (tmp, d), (tmp, e), (d, f). */
    static const struct {
        int bad;
        const char *name;
        size_t len;
    } names[] = {
        {D_NAME_DOT, ".", 1},      {D_NAME_DOTDOT, "..", 2},
        {D_NAME_SLASH, "a/b", 3},  {D_NAME_NUL, "a\0b", 3},
        {D_NAME_EMPTY, "", 0},
    };
    const char *fname = "f";
    size_t flen = 1;
    char longname[256];
    memset(longname, 'n', sizeof longname);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (bad == names[i].bad) {
            fname = names[i].name;
            flen = names[i].len;
        }
    if (bad == D_NAME_LONG) {
        fname = longname;
        flen = sizeof longname;
    }
    uint32_t nlinks = bad == D_TWO_PARENTS ? 4 : 3;
    sb32(&s, bad == D_LINK_COUNT ? 0xffffffffu : nlinks);
    if (bad == D_CYCLE) { /* d in e, e in d: neither reachable */
        sb_link(&s, 6, 4, 2, "d", 1);
        sb_link(&s, 4, 6, 2, "e", 1);
        sb_link(&s, 4, 5, 3, "f", 1);
    } else if (bad == D_CHILD_FIRST) {
        sb_link(&s, 4, 5, 3, "f", 1);
        sb_link(&s, 2, 4, 2, "d", 1);
        sb_link(&s, 2, 6, 5, "e", 1);
    } else {
        sb_link(&s, 2, 4, 2, "d", 1);
        uint32_t edir = bad == D_LINK_INTO_FILE ? 5
                        : bad == D_LINK_INTO_LIB ? 1
                                                 : 2;
        sb_link(&s, edir,
                bad == D_LINK_RANGE ? 99 : bad == D_LINK_FIXED ? 1 : 6,
                bad == D_SEQ_ORDER ? 2 : 5,
                bad == D_DUP_NAME ? "d" : "e", 1);
        sb_link(&s, 4, 5, bad == D_SEQ_NEXT ? 5 : 3, fname, flen);
        if (bad == D_TWO_PARENTS) sb_link(&s, 6, 4, 2, "again", 5);
    }

    /* fds */
    const uint64_t FILE_R =
        PA_RIGHT_FD_READ | PA_RIGHT_FD_SEEK | PA_RIGHT_FD_TELL;
    uint32_t nfds = bad == D_ORPHAN ? 5 : bad == D_RO_WRITE ? 7 : 6;
    sb32(&s, bad == D_FD_COUNT ? 257 : nfds);
    sb_fd(&s, 0, 1, bad == D_STDIO_PREOPEN, 0, rights[0][0], rights[0][1],
          bad == D_STDIO_POS);
    sb_fd(&s, 1, 2, 0, 0, rights[1][0] | (bad == D_STDIO_RIGHTS), rights[1][1],
          0);
    sb_fd(&s, 2, bad == D_STDOUT_TWICE ? 2 : 3, 0, 0, rights[2][0],
          rights[2][1], 0);
    sb_fd(&s, 3, 4, bad == D_FD_PREOPEN_BYTE ? 2 : 1, 0,
          rights[3][0] | (bad == D_PREOPEN_RIGHTS ? PA_RIGHT_FD_WRITE : 0),
          rights[3][1], 0);
    sb32(&s, bad == D_PREOPEN_FILE ? 5 : bad == D_PREOPEN_NOT_ROOT ? 2 : 0);
    if (bad != D_ORPHAN) {
        sb_fd(&s, bad == D_FD_ORDER ? 3 : 4,
              bad == D_FD_KIND ? 5 : 4, 0, bad == D_FD_FLAGS ? 0x20 : 0,
              FILE_R | (bad == D_FILE_DIR_RIGHTS ? PA_RIGHT_PATH_OPEN : 0),
              bad == D_INH_RIGHTS ? (uint64_t)1 << 40 : 0,
              bad == D_POS ? (uint64_t)1 << 63 : 1);
        sb32(&s, bad == D_FD_NODE_RANGE ? 8 : 7);
    }
    sb_fd(&s, bad == D_FD_SLOT ? 256 : 5, 4, bad == D_PREOPEN_TWICE, 0,
          PA_RIGHT_FD_READDIR, 0, bad == D_DIR_POS);
    sb32(&s, bad == D_PREOPEN_TWICE ? 0 : 6);
    if (bad == D_RO_WRITE) {
        sb_fd(&s, 6, 4, 0, 0, PA_RIGHT_FD_READ | PA_RIGHT_FD_WRITE, 0, 0);
        sb32(&s, 3);
    }
    if (bad == D_TRAILING) sb8(&s, 0);
    memcpy(out, s.b, s.n);
    return s.n;
}

static void test_state_rejects(void **state) {
    (void)state;
    uint64_t rights[4][2];
    for (uint32_t fd = 0; fd < 4; fd++) {
        assert_int_equal(W_(fd_fdstat_get)(W, fd, RES), 0);
        rights[fd][0] = u64at(RES + PA_FDSTAT_RIGHTS_BASE);
        rights[fd][1] = u64at(RES + PA_FDSTAT_RIGHTS_INH);
    }
    uint8_t b[2048];
    for (int bad = 1; bad < D_COUNT; bad++) {
        size_t n = build_state(b, bad, rights);
        uint8_t *copy = malloc(n); /* exact size, for ASan */
        assert_non_null(copy);
        memcpy(copy, b, n);
        int rc = pa_wasi_load(W, copy, n);
        free(copy);
        if (rc != -EINVAL) fail_msg("defect %d: rc %d", bad, rc);
        assert_fresh_fast(W);
    }

    /* The defect-free state loads, and is what it says. */
    size_t n = build_state(b, D_NONE, rights);
    assert_int_equal(pa_wasi_load(W, b, n), 0);
    uint32_t fd, got;
    assert_int_equal(OPEN("tmp/d/f", 0, R_RDONLY, 0, &fd), 0);
    assert_int_equal(fd, 6);
    assert_int_equal(RD(fd, 10, &got), 0);
    assert_int_equal(got, 2);
    assert_memory_equal(M + BUF2, "hi", 2);
    assert_int_equal(W_(fd_filestat_get)(W, fd, RES), 0);
    assert_int_equal(u64at(RES + PA_FILESTAT_INO), 6);
    assert_int_equal(u64at(RES + PA_FILESTAT_MTIM), 61);
    assert_int_equal(W_(fd_close)(W, fd), 0);
    assert_int_equal(W_(fd_tell)(W, 4, RES), 0);
    assert_int_equal(u64at(RES), 1);
    assert_int_equal(RD(4, 10, &got), 0);
    assert_int_equal(got, 0);
    iov(IOV, 0, BUF2, 10);
    assert_int_equal(W_(fd_pread)(W, 4, IOV, 1, 0, RES), 0);
    assert_int_equal(u32at(RES), 1);
    assert_int_equal(M[BUF2], 'x');
    dent d[8];
    assert_int_equal(W_(fd_readdir)(W, 3, BUF2, 4096, 0, RES), 0);
    assert_int_equal(parse_dirents(BUF2, u32at(RES), d, 8), 4);
    assert_int_equal(stat_path("tmp"), 0);
    assert_int_equal(u64at(RES + PA_FILESTAT_ATIM), 30); /* restored */
    assert_int_equal(OPEN("tmp", PA_OFLAG_DIRECTORY, R_RDONLY, 0, &fd), 0);
    assert_int_equal(W_(fd_readdir)(W, fd, BUF2, 4096, 0, RES), 0);
    assert_int_equal(parse_dirents(BUF2, u32at(RES), d, 8), 4);
    assert_string_equal(d[2].name, "d");
    assert_int_equal(d[2].next, 3);
    assert_string_equal(d[3].name, "e");
    assert_int_equal(d[3].next, 6);
    assert_int_equal(W_(fd_close)(W, fd), 0);
    assert_int_equal(W->vfs.used_files, 4);
    assert_int_equal(W->vfs.used_bytes, 3);
    /* The format is canonical: saving gives back the same bytes. */
    uint8_t *again;
    size_t alen;
    save_ok(W, &again, &alen);
    assert_int_equal(alen, n);
    assert_memory_equal(again, b, n);
    free(again);
    /* A new file continues after the saved next_ino and next_seq. */
    assert_int_equal(create_file("tmp/new", "n"), 0);
    assert_int_equal(stat_path("tmp/new"), 0);
    assert_int_equal(u64at(RES + PA_FILESTAT_INO), 9);
    pa_wasi_reset(W);
    assert_fresh(W);
}

int main(void) {
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_stdout_stderr_capture),
        T(test_stdin_read_then_eof),
        T(test_stdio_errors_and_fdstat),
        T(test_prestat_and_args),
        T(test_oob_pointers_every_import),
        T(test_no_memory_and_growth),
        T(test_iovec_overlap_read),
        T(test_path_traversal),
        T(test_readonly_tree),
        T(test_tmp_file_read_write_seek),
        T(test_seek_bounds),
        T(test_readdir),
        T(test_rename),
        T(test_unlink_while_open),
        T(test_rmdir),
        T(test_quota_bytes),
        T(test_quota_files),
        T(test_fd_exhaustion_and_renumber),
        T(test_fdstat_rights_and_times),
        T(test_links_and_sockets),
        T(test_proc_exit_and_bracketing),
        T(test_clocks),
        T(test_random),
        T(test_poll_relative_sleep),
        T(test_poll_absolute_sleep),
        T(test_poll_fds_and_errors),
        T(test_poll_interruptible),
        T(test_add_ro_file_api),
        T(test_state_round_trip),
        T(test_state_truncated),
        T(test_state_corrupted),
        T(test_state_quota),
        T(test_state_reset),
        T(test_state_rejects),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
