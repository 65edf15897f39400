/*
** fuzz_wasi.c — libFuzzer harness for the WASI layer (src/wasi/).
**
** Each input is a program: a sequence of WASI import calls with hostile
** arguments (pointers at and past the end of memory, huge lengths, random
** fds, flags and paths), run against a fresh context over a 64 KiB guest
** memory.  ASan/UBSan flag any host out-of-bounds access, leak or UB.
** `make fuzz` runs it for FUZZ_SECONDS; `make test` runs a short smoke pass.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include "wasi/wasi.h"
#include "wasi/wasi_imports.h"
#define W_(n) Z_wasi_snapshot_preview1Z_##n
extern jmp_buf *pa_stub_exit_jmp;
static const uint8_t ro[] = "read only data";
#define MEMSZ 65536u
typedef struct { const uint8_t *p; size_t n; } in_t;
static uint32_t g32(in_t *in) { uint32_t v = 0; for (int i = 0; i < 4 && in->n; i++) { v |= (uint32_t)*in->p++ << (8*i); in->n--; } return v; }
static uint64_t g64(in_t *in) { uint64_t a = g32(in); return a | (uint64_t)g32(in) << 32; }
/* Mostly-small values so paths/fds/pointers are meaningful. */
static uint32_t sm(in_t *in) { uint32_t v = g32(in); switch (v & 7) { case 0: return v; case 1: return MEMSZ - (v >> 24); case 2: return v >> 28; default: return (v >> 8) % MEMSZ; } }
static uint32_t fd(in_t *in) { uint32_t v = g32(in); return (v & 1) ? v : (v >> 1) % 12; }
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    in_t in = {data, size};
    uint8_t *m = malloc(MEMSZ);
    wasm_rt_memory_t mem = {m, 1, 1, MEMSZ};
    pa_wasi_config cfg = {0, 0, 4096, 8};
    pa_wasi *w = pa_wasi_new(&cfg);
    pa_wasi_set_memory(w, &mem);
    pa_wasi_add_ro_file(w, "/lib/x", ro, sizeof ro);
    pa_wasi_set_stdin(w, ro, 5);
    /* seed memory with useful strings */
    memset(m, 0, MEMSZ);
    memcpy(m + 100, "tmp/a", 5); memcpy(m + 200, "tmp/d", 5); memcpy(m + 300, "lib/x", 5);
    memcpy(m + 400, "tmp/d/b", 7); memcpy(m + 500, "..", 2); memcpy(m + 600, "tmp", 3);
    if (in.n > 2048) { memcpy(m + 1024, in.p, 2048); in.p += 2048; in.n -= 2048; }
    jmp_buf jb; pa_stub_exit_jmp = &jb;
    if (setjmp(jb) == 0) {
        while (in.n > 0) {
            uint8_t op = *in.p++; in.n--;
            switch (op % 40) {
            case 0: W_(fd_read)(w, fd(&in), sm(&in), sm(&in) % 2048, sm(&in)); break;
            case 1: W_(fd_write)(w, fd(&in), sm(&in), sm(&in) % 2048, sm(&in)); break;
            case 2: W_(fd_pread)(w, fd(&in), sm(&in), sm(&in) % 2048, g64(&in), sm(&in)); break;
            case 3: W_(fd_pwrite)(w, fd(&in), sm(&in), sm(&in) % 2048, g64(&in) >> (g32(&in) & 63), sm(&in)); break;
            case 4: W_(fd_seek)(w, fd(&in), g64(&in) >> (g32(&in) & 63), g32(&in) % 4, sm(&in)); break;
            case 5: W_(fd_tell)(w, fd(&in), sm(&in)); break;
            case 6: W_(fd_readdir)(w, fd(&in), sm(&in), sm(&in), g64(&in) % 16, sm(&in)); break;
            case 7: W_(fd_close)(w, fd(&in)); break;
            case 8: W_(fd_renumber)(w, fd(&in), fd(&in)); break;
            case 9: W_(fd_fdstat_get)(w, fd(&in), sm(&in)); break;
            case 10: W_(fd_fdstat_set_flags)(w, fd(&in), g32(&in) % 64); break;
            case 11: W_(fd_fdstat_set_rights)(w, fd(&in), g64(&in), g64(&in)); break;
            case 12: W_(fd_filestat_get)(w, fd(&in), sm(&in)); break;
            case 13: W_(fd_filestat_set_size)(w, fd(&in), g64(&in) >> (g32(&in) & 63)); break;
            case 14: W_(fd_filestat_set_times)(w, fd(&in), g64(&in), g64(&in), g32(&in) % 32); break;
            case 15: W_(fd_allocate)(w, fd(&in), g64(&in) >> (g32(&in) & 63), g64(&in) >> (g32(&in) & 63)); break;
            case 16: W_(fd_advise)(w, fd(&in), g64(&in), g64(&in), g32(&in) % 8); break;
            case 17: W_(fd_sync)(w, fd(&in)); W_(fd_datasync)(w, fd(&in)); break;
            case 18: W_(fd_prestat_get)(w, fd(&in), sm(&in)); break;
            case 19: W_(fd_prestat_dir_name)(w, fd(&in), sm(&in), sm(&in)); break;
            case 20: case 21: { uint32_t p = (g32(&in) % 7) * 100; if (g32(&in) & 1) p = sm(&in);
                W_(path_open)(w, fd(&in), g32(&in), p, g32(&in) % 12, g32(&in) % 32, g64(&in), g64(&in), g32(&in) % 64, sm(&in)); break; }
            case 22: W_(path_create_directory)(w, fd(&in), (g32(&in) % 7) * 100, g32(&in) % 10); break;
            case 23: W_(path_remove_directory)(w, fd(&in), (g32(&in) % 7) * 100, g32(&in) % 10); break;
            case 24: W_(path_unlink_file)(w, fd(&in), (g32(&in) % 7) * 100, g32(&in) % 10); break;
            case 25: W_(path_rename)(w, fd(&in), (g32(&in) % 7) * 100, g32(&in) % 10, fd(&in), (g32(&in) % 7) * 100, g32(&in) % 10); break;
            case 26: W_(path_filestat_get)(w, fd(&in), g32(&in), (g32(&in) % 7) * 100, g32(&in) % 10, sm(&in)); break;
            case 27: W_(path_filestat_set_times)(w, fd(&in), g32(&in), (g32(&in) % 7) * 100, g32(&in) % 10, g64(&in), g64(&in), g32(&in) % 32); break;
            case 28: W_(path_link)(w, fd(&in), g32(&in), sm(&in), sm(&in), fd(&in), sm(&in), sm(&in)); break;
            case 29: W_(path_symlink)(w, sm(&in), sm(&in), fd(&in), sm(&in), sm(&in)); break;
            case 30: W_(path_readlink)(w, fd(&in), sm(&in), sm(&in), sm(&in), sm(&in), sm(&in)); break;
            case 31: { uint32_t n = g32(&in) % 6; /* only zero-timeout clocks and fds */
                uint32_t s = sm(&in); for (uint32_t i = 0; i < n && (uint64_t)s + 48 * i + 48 <= MEMSZ; i++) { if (m[s + 48*i + 8] == 0) { memset(m + s + 48*i + 24, 0, 8); memset(m + s + 48*i + 40, 0, 2);} }
                W_(poll_oneoff)(w, s, sm(&in), n, sm(&in)); break; }
            case 32: W_(random_get)(w, sm(&in), sm(&in) % 4096); break;
            case 33: W_(clock_time_get)(w, g32(&in) % 6, g64(&in), sm(&in)); W_(clock_res_get)(w, g32(&in) % 6, sm(&in)); break;
            case 34: W_(args_get)(w, sm(&in), sm(&in)); W_(args_sizes_get)(w, sm(&in), sm(&in)); break;
            case 35: W_(environ_get)(w, sm(&in), sm(&in)); W_(environ_sizes_get)(w, sm(&in), sm(&in)); break;
            case 36: W_(sock_recv)(w, fd(&in), sm(&in), g32(&in) % 2048, 0, sm(&in), sm(&in)); W_(sock_send)(w, fd(&in), sm(&in), g32(&in) % 2048, 0, sm(&in)); break;
            case 37: W_(sock_accept)(w, fd(&in), 0, sm(&in)); W_(sock_shutdown)(w, fd(&in), 0); W_(proc_raise)(w, 1); break;
            case 38: { uint32_t at = sm(&in) & ~7u; if ((uint64_t)at + 16 <= MEMSZ) { uint32_t a = g32(&in), b = g32(&in); memcpy(m + at, &a, 4); memcpy(m + at + 4, &b, 4);} break; }
            case 39: if ((g32(&in) & 255) == 0) W_(proc_exit)(w, 1); break;
            }
        }
    }
    pa_stub_exit_jmp = NULL;
    pa_wasi_free(w);
    free(m);
    return 0;
}
