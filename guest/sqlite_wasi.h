/*
** sqlite_wasi.h — force-included (-include) when compiling sqlite3.c for
** wasm32-wasi.  wasi-libc has no POSIX advisory locks, no ownership or
** permission bits and no user ids; SQLite's unix VFS names them anyway.
** We declare what it needs here (implemented in sqlite_stubs.c) and select
** the "unix-none" locking style, so no lock is ever actually requested.
** Our local change to SQLite is this file and sqlite_stubs.c; sqlite3.c
** itself is used as Debian ships it.
*/
#ifndef POLYAGENT_SQLITE_WASI_H
#define POLYAGENT_SQLITE_WASI_H
#include <sys/types.h>
#include <fcntl.h>

#define F_RDLCK 0
#define F_WRLCK 1
#define F_UNLCK 2
#define F_GETLK 5
#define F_SETLK 6
#define F_SETLKW 7
int fchmod(int fd, mode_t mode);
int fchown(int fd, uid_t uid, gid_t gid);
uid_t geteuid(void);

/* One process, one thread, no other writers: locking is a no-op. */
#define SQLITE_DEFAULT_UNIX_VFS "unix-none"
#define SQLITE_TEMP_STORE 2
#endif
