/*
** wasi_abi.h — numbers and byte layouts of WASI preview1, as the guest sees
** them.
**
** Everything here is ABI: the values come from the witx description of
** wasi_snapshot_preview1 (typenames.witx) and must never be renumbered.  The
** guest's structures are not declared as C structs on purpose: the host's
** padding and alignment rules need not match wasm32's, and guest pointers
** need not be aligned at all.  Instead each structure is described by its
** size and field offsets, and fields are copied byte-wise (see wasi_mem.c).
*/
#ifndef PA_WASI_ABI_H
#define PA_WASI_ABI_H

#include <stdint.h>

/* errno (u16 in the ABI, widened to u32 as the import's return value). */
enum {
    PA_WASI_ESUCCESS = 0,
    PA_WASI_E2BIG = 1,
    PA_WASI_EACCES = 2,
    PA_WASI_EAGAIN = 6,
    PA_WASI_EBADF = 8,
    PA_WASI_EBUSY = 10,
    PA_WASI_EDQUOT = 19,
    PA_WASI_EEXIST = 20,
    PA_WASI_EFAULT = 21,
    PA_WASI_EFBIG = 22,
    PA_WASI_EINTR = 27,
    PA_WASI_EINVAL = 28,
    PA_WASI_EIO = 29,
    PA_WASI_EISDIR = 31,
    PA_WASI_ELOOP = 32,
    PA_WASI_EMFILE = 33,
    PA_WASI_ENAMETOOLONG = 37,
    PA_WASI_ENOENT = 44,
    PA_WASI_ENOMEM = 48,
    PA_WASI_ENOSPC = 51,
    PA_WASI_ENOSYS = 52,
    PA_WASI_ENOTDIR = 54,
    PA_WASI_ENOTEMPTY = 55,
    PA_WASI_ENOTSUP = 58,
    PA_WASI_EOVERFLOW = 61,
    PA_WASI_EPERM = 63,
    PA_WASI_EROFS = 69,
    PA_WASI_ESPIPE = 70,
    PA_WASI_EXDEV = 75,
    PA_WASI_ENOTCAPABLE = 76,
};

/* filetype (u8) */
enum {
    PA_WASI_FILETYPE_UNKNOWN = 0,
    PA_WASI_FILETYPE_BLOCK_DEVICE = 1,
    PA_WASI_FILETYPE_CHARACTER_DEVICE = 2,
    PA_WASI_FILETYPE_DIRECTORY = 3,
    PA_WASI_FILETYPE_REGULAR_FILE = 4,
    PA_WASI_FILETYPE_SYMBOLIC_LINK = 7,
};

/* rights (u64): bit n is the n-th flag of the witx `rights` type. */
#define PA_R(n) ((uint64_t)1 << (n))
#define PA_RIGHT_FD_DATASYNC PA_R(0)
#define PA_RIGHT_FD_READ PA_R(1)
#define PA_RIGHT_FD_SEEK PA_R(2)
#define PA_RIGHT_FD_FDSTAT_SET_FLAGS PA_R(3)
#define PA_RIGHT_FD_SYNC PA_R(4)
#define PA_RIGHT_FD_TELL PA_R(5)
#define PA_RIGHT_FD_WRITE PA_R(6)
#define PA_RIGHT_FD_ADVISE PA_R(7)
#define PA_RIGHT_FD_ALLOCATE PA_R(8)
#define PA_RIGHT_PATH_CREATE_DIRECTORY PA_R(9)
#define PA_RIGHT_PATH_CREATE_FILE PA_R(10)
#define PA_RIGHT_PATH_LINK_SOURCE PA_R(11)
#define PA_RIGHT_PATH_LINK_TARGET PA_R(12)
#define PA_RIGHT_PATH_OPEN PA_R(13)
#define PA_RIGHT_FD_READDIR PA_R(14)
#define PA_RIGHT_PATH_READLINK PA_R(15)
#define PA_RIGHT_PATH_RENAME_SOURCE PA_R(16)
#define PA_RIGHT_PATH_RENAME_TARGET PA_R(17)
#define PA_RIGHT_PATH_FILESTAT_GET PA_R(18)
#define PA_RIGHT_PATH_FILESTAT_SET_SIZE PA_R(19)
#define PA_RIGHT_PATH_FILESTAT_SET_TIMES PA_R(20)
#define PA_RIGHT_FD_FILESTAT_GET PA_R(21)
#define PA_RIGHT_FD_FILESTAT_SET_SIZE PA_R(22)
#define PA_RIGHT_FD_FILESTAT_SET_TIMES PA_R(23)
#define PA_RIGHT_PATH_SYMLINK PA_R(24)
#define PA_RIGHT_PATH_REMOVE_DIRECTORY PA_R(25)
#define PA_RIGHT_PATH_UNLINK_FILE PA_R(26)
#define PA_RIGHT_POLL_FD_READWRITE PA_R(27)
#define PA_RIGHT_SOCK_SHUTDOWN PA_R(28)
#define PA_RIGHT_SOCK_ACCEPT PA_R(29)
#define PA_RIGHTS_ALL (PA_R(30) - 1)

/* fdflags (u16) */
#define PA_FDFLAG_APPEND 0x01u
#define PA_FDFLAG_DSYNC 0x02u
#define PA_FDFLAG_NONBLOCK 0x04u
#define PA_FDFLAG_RSYNC 0x08u
#define PA_FDFLAG_SYNC 0x10u
#define PA_FDFLAGS_ALL 0x1fu

/* oflags (u16) */
#define PA_OFLAG_CREAT 0x01u
#define PA_OFLAG_DIRECTORY 0x02u
#define PA_OFLAG_EXCL 0x04u
#define PA_OFLAG_TRUNC 0x08u
#define PA_OFLAGS_ALL 0x0fu

/* lookupflags (u32) */
#define PA_LOOKUP_SYMLINK_FOLLOW 0x01u

/* fstflags (u16) */
#define PA_FST_ATIM 0x01u
#define PA_FST_ATIM_NOW 0x02u
#define PA_FST_MTIM 0x04u
#define PA_FST_MTIM_NOW 0x08u
#define PA_FST_ALL 0x0fu

/* whence (u8) */
enum { PA_WHENCE_SET = 0, PA_WHENCE_CUR = 1, PA_WHENCE_END = 2 };

/* clockid (u32) */
enum {
    PA_CLOCK_REALTIME = 0,
    PA_CLOCK_MONOTONIC = 1,
    PA_CLOCK_PROCESS_CPUTIME = 2,
    PA_CLOCK_THREAD_CPUTIME = 3,
};

/* advice (u8): normal, sequential, random, willneed, dontneed, noreuse */
#define PA_ADVICE_MAX 5u

/* eventtype (u8), eventrwflags (u16), subclockflags (u16) */
enum { PA_EVENT_CLOCK = 0, PA_EVENT_FD_READ = 1, PA_EVENT_FD_WRITE = 2 };
#define PA_EVENTRW_HANGUP 0x01u
#define PA_SUBCLOCK_ABSTIME 0x01u

/* preopentype (u8) */
#define PA_PREOPEN_DIR 0u

/* ---- struct layouts: size and byte offsets in guest memory ---- */

/* iovec / ciovec: { buf: u32 pointer, buf_len: u32 } */
#define PA_IOVEC_SIZE 8u

/* fdstat */
#define PA_FDSTAT_SIZE 24u
#define PA_FDSTAT_FILETYPE 0u     /* u8 */
#define PA_FDSTAT_FLAGS 2u        /* u16 */
#define PA_FDSTAT_RIGHTS_BASE 8u  /* u64 */
#define PA_FDSTAT_RIGHTS_INH 16u  /* u64 */

/* filestat */
#define PA_FILESTAT_SIZE 64u
#define PA_FILESTAT_DEV 0u        /* u64 */
#define PA_FILESTAT_INO 8u        /* u64 */
#define PA_FILESTAT_FILETYPE 16u  /* u8 */
#define PA_FILESTAT_NLINK 24u     /* u64 */
#define PA_FILESTAT_FSIZE 32u     /* u64 */
#define PA_FILESTAT_ATIM 40u      /* u64 */
#define PA_FILESTAT_MTIM 48u      /* u64 */
#define PA_FILESTAT_CTIM 56u      /* u64 */

/* dirent header; the name (not NUL-terminated) follows it */
#define PA_DIRENT_SIZE 24u
#define PA_DIRENT_NEXT 0u         /* u64 dircookie */
#define PA_DIRENT_INO 8u          /* u64 */
#define PA_DIRENT_NAMLEN 16u      /* u32 */
#define PA_DIRENT_TYPE 20u        /* u8 */

/* prestat: { tag: u8, dir: { pr_name_len: u32 } at 4 } */
#define PA_PRESTAT_SIZE 8u
#define PA_PRESTAT_TAG 0u
#define PA_PRESTAT_NAMELEN 4u

/* subscription: userdata u64, then the tagged union `u` at 8 whose payload
** starts at 16 (the clock variant holds u64s, so the union is 8-aligned). */
#define PA_SUB_SIZE 48u
#define PA_SUB_USERDATA 0u        /* u64 */
#define PA_SUB_TAG 8u             /* u8 eventtype */
#define PA_SUB_CLOCK_ID 16u       /* u32 */
#define PA_SUB_CLOCK_TIMEOUT 24u  /* u64 */
#define PA_SUB_CLOCK_PRECISION 32u /* u64 */
#define PA_SUB_CLOCK_FLAGS 40u    /* u16 */
#define PA_SUB_FD 16u             /* u32 file_descriptor */

/* event */
#define PA_EVENT_SIZE 32u
#define PA_EVENT_USERDATA 0u      /* u64 */
#define PA_EVENT_ERROR 8u         /* u16 */
#define PA_EVENT_TYPE 10u         /* u8 */
#define PA_EVENT_NBYTES 16u       /* u64 */
#define PA_EVENT_FLAGS 24u        /* u16 */

#endif
