/* spawn-run.h: what the drivers that run wc programs share (tests/conform,
   tests/diff-wc): fatal errors, checked allocation, a growable string,
   shell quoting for reproducing commands, and running one program with
   posix_spawn, its standard input given or fed through a pipe, its
   output and status captured, under a time limit.  No shell stands
   between a driver and the program, so a run costs little more than the
   program itself.  */
#ifndef SPAWN_RUN_H
#define SPAWN_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <spawn.h>
#include <sys/types.h>

/* The driver's name in its messages; each driver sets it.  */
extern char const *program_name;

enum { EXIT_MISMATCH = 1, EXIT_TROUBLE = 2 };

/* Print "PROGRAM: WHAT NAME[: strerror (ERR)]" and exit with
   EXIT_TROUBLE.  */
_Noreturn void die (char const *what, char const *name, int err);

void *xmalloc (size_t n) _GL_ATTRIBUTE_MALLOC;
void *xnmalloc (size_t n, size_t size) _GL_ATTRIBUTE_MALLOC;
char *xstrdup (char const *s) _GL_ATTRIBUTE_MALLOC;
void *xnrealloc (void *p, size_t n, size_t size);

/* A growable byte string, always NUL-terminated once anything is
   added.  */
struct str
{
  char *p;
  size_t n;
  size_t cap;
};
void str_add (struct str *s, void const *data, size_t n);
void str_adds (struct str *s, char const *text);

/* Print the N bytes at S so that bash reads them back as one word.  */
void put_quoted (FILE *o, char const *s, size_t n);
void put_word (FILE *o, char const *s);

/* What one run printed and how it ended.  */
struct result
{
  int status;   /* exit status, or 256 + signal number */
  bool timed_out;
  char *out;
  size_t out_len;
  char *err;
  size_t err_len;
};

/* Where a run's standard input comes from, and which other descriptors
   it starts with.  */
struct run_input
{
  int fd;                 /* dup'ed to the program's stdin; -1: /dev/null */
  char const *pipe_from;  /* if not null, a pipe fed with this file */
  size_t pipe_chunk;      /* the most each write into a pipe holds */
  /* Files fed each through a pipe of its own, whose read end the program
     has as descriptor RUN_FIRST_EXTRA_FD + I (opened by name as
     /dev/fd/N): many pipes counted by one run of the program.  */
  char const *const *extra_pipes_from;
  size_t n_extra_pipes;
};
enum { RUN_FIRST_EXTRA_FD = 3, RUN_MAX_EXTRA_PIPES = 64 };

/* The files and settings shared by every run.  */
struct runner
{
  int null_fd;        /* /dev/null: standard input when none is given */
  int out_fd;         /* unlinked files that receive stdout and stderr */
  int err_fd;
  unsigned int timeout;
  posix_spawnattr_t attr;
};

/* Set up R; a run that takes more than TIMEOUT seconds is killed.  */
void runner_init (struct runner *r, unsigned int timeout);

/* Run PATH (searched in PATH if it has no '/') with ARGV and ENVP and
   input IN; RES's buffers are the caller's to free.  */
void runner_run (struct runner *r, char const *path, char *const *argv,
                 char *const *envp, struct run_input const *in,
                 struct result *res);

bool same_result (struct result const *a, struct result const *b)
  _GL_ATTRIBUTE_PURE;
void put_status (FILE *o, struct result const *r, unsigned int timeout);
/* R as a report's three lines: "  LABEL: " and its status, then its
   standard output and error, quoted.  */
void put_result (FILE *o, char const *label, struct result const *r,
                 unsigned int timeout);

#endif
