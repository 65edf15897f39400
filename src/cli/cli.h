/*
** cli.h — subcommands of the `polyagent` binary.  Each takes the arguments
** after its own name and returns the process exit status.
*/
#ifndef PA_CLI_H
#define PA_CLI_H

#define PA_EXIT_USAGE 2

int pa_cmd_run(int argc, char **argv);
int pa_cmd_doctor(int argc, char **argv);
int pa_cmd_serve(int argc, char **argv);
int pa_cmd_mcp(int argc, char **argv);
int pa_cmd_submit(int argc, char **argv);
/* Internal: a pool worker (src/sandbox/worker.h), started by a supervisor. */
int pa_cmd_worker(int argc, char **argv);

/* Print "polyagent: <msg>" on stderr. */
void pa_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
