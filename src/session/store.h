/*
** store.h — session files: one file per session in a directory, each the
** session's state (pa_instance_save's stream) compressed with zstd.
**
** On-disk layout of <dir>/<id>.session, all integers little-endian:
**
**   offset  size  field
**        0     8  magic "PASESS\r\n" (the \r\n catches text-mode mangling)
**        8     4  format version (1)
**       12     4  header length (64)
**       16    16  id of the image the state was saved against
**       32     8  created, ns since the epoch (CLOCK_REALTIME)
**       40     8  last call, ns since the epoch
**       48     8  completed calls
**       56     8  length of the uncompressed stream
**       64     8  FNV-1a 64 of bytes 0-63 (zstd's checksum covers the rest)
**       72     …  one zstd frame with content checksum
**
** Writes are atomic: a temporary file in the same directory, renamed over
** the old file.  A crash of the process (kill -9 included) leaves either the
** old or the new file, never a torn one: written data is in the kernel's
** page cache the moment write() returns.  Surviving a crash of the machine
** (power loss) also needs the data on the device: with `sync`, the file is
** fsync'ed before the rename and the directory after it (milliseconds per
** save on most disks, which is why it is a choice).  Readers
** treat every byte as hostile: a bad header, a failed checksum, a stream the
** runtime rejects or trailing data all give -EINVAL with a message that
** names the session, and never affect any other session.
*/
#ifndef PA_SESSION_STORE_H
#define PA_SESSION_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/pa_runtime.h"

#define PA_SESSION_ID_MAX 128

typedef struct pa_store_meta {
    uint8_t image_id[16];
    uint64_t created_ns, last_used_ns, calls;
} pa_store_meta;

/* Session ids are 1-128 characters of [A-Za-z0-9_.-], not starting with
** '.': safe as file names, in URLs and in logs.  0 or -EINVAL. */
int pa_store_check_id(const char *id);

/* Save `in` as session `id` in dir (which must exist).  0 or -errno, with a
** message in err. */
int pa_store_save(const char *dir, const char *id, const pa_store_meta *meta,
                  pa_instance *in, bool sync, char *err, size_t errlen);

/* Load session `id` into `in`, a fresh instance of the image the session
** was saved against.  Returns 0; -ENOENT if there is no such session;
** -ESTALE if it was saved against another image; -EINVAL if the file is
** corrupt; -E2BIG / -EDQUOT if the session is sound but needs more memory
** or /tmp than `in` allows; other -errno for I/O errors.  err says which.  On failure `in`
** is back at its image state.  meta may be NULL. */
int pa_store_load(const char *dir, const char *id, pa_instance *in,
                  pa_store_meta *meta, char *err, size_t errlen);

/* Read only the header of session `id`.  Same returns as pa_store_load. */
int pa_store_stat(const char *dir, const char *id, pa_store_meta *meta,
                  uint64_t *file_bytes, char *err, size_t errlen);

/* mkdir -p with mode 0700 (state is private); 0 or -errno. */
int pa_store_mkdirs(const char *path);

/* Remove session `id` if its file has not been written for idle_ns:
** 0, -EBUSY (written since), or -errno. */
int pa_store_remove_if_idle(const char *dir, const char *id, uint64_t idle_ns);

/* Remove session `id`; 0 or -errno (-ENOENT if absent). */
int pa_store_remove(const char *dir, const char *id);

/* Call fn for every session file in dir (in directory order), with its id,
** file size and modification time.  fn returns 0 to go on.  Leftover
** temporary files of crashed writers are removed on the way.
** 0, fn's non-zero value, or -errno. */
typedef int (*pa_store_list_fn)(void *ud, const char *id, uint64_t file_bytes,
                                uint64_t mtime_ns);
int pa_store_list(const char *dir, pa_store_list_fn fn, void *ud);

#endif
