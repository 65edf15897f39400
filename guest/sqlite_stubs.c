/*
** sqlite_stubs.c — the POSIX calls SQLite's unix VFS references but WASI
** lacks (see sqlite_wasi.h).  The guest is a single process with a single
** user; these succeed without effect, except fcntl-style locks, which the
** "unix-none" VFS never requests.
*/
#include <sys/types.h>

int fchmod(int fd, mode_t mode) { (void)fd; (void)mode; return 0; }
int fchown(int fd, uid_t uid, gid_t gid) { (void)fd; (void)uid; (void)gid; return 0; }
uid_t geteuid(void) { return 0; }
