/* progress.h: what wc says while it counts.  SIGUSR1 (and SIGINFO where
   the system has it) asks for one line on standard error: the operand
   being counted, its counts so far and, from the second operand on, the
   running total.  --progress keeps one status line on a terminal: bytes
   done, of how many, rate and time left, redrawn a few times a second.

   The signal handlers only set flags.  The counter polls them once per
   span it is fed (progress_poll: one load), and whichever thread sees
   them first writes, from the counting loop, with the counts its own
   counter holds.  Nothing here changes what is counted.  */
#ifndef WC_PROGRESS_H
#define WC_PROGRESS_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "counts.h"

struct counter;
struct input;

/* What one counter is counting, for the lines it may write.  */
struct progress_subject
{
  char const *name;             /* the operand; NULL: standard input */
  uintmax_t size;               /* bytes to count, 0 if not known */
  struct timespec start;        /* when counting began (CLOCK_MONOTONIC) */
  unsigned wanted;              /* WANT_* bits: the counts a line shows */
  bool has_total;               /* BEFORE is shown as a running total */
  struct counts before;         /* the operands counted before this one */
  /* A part of a file split across threads: the file's own subject, the
     part's number from 1, and how many parts there are.  NULL, 0, 0 for
     a whole operand.  */
  struct progress_subject *whole;
  unsigned part, parts;
  /* The file's subject: bytes fed to all its parts so far (atomic).  */
  uint_least64_t parts_bytes;
};

/* Nonzero when a handler has asked for something.  */
extern volatile sig_atomic_t progress_pending;

/* Install the handlers.  STATUS_LINE (--progress): keep a status line on
   standard error if it is a terminal; otherwise --progress does nothing.
   A signal ignored when wc started stays ignored, as in dd.  */
void progress_setup (bool status_line);

/* Start S for the input IN, opened, named NAME (NULL: standard input),
   counting WANTED; BEFORE: the counts of the operands before it, shown
   as a running total, or NULL.  */
void progress_begin (struct progress_subject *s, char const *name,
                     struct input const *in, unsigned wanted,
                     struct counts const *before);

/* Make PART the subject of part I (from 0) of N of the file WHOLE (NULL:
   no subject); returns PART, or NULL when WHOLE is NULL.  */
struct progress_subject *progress_part (struct progress_subject *part,
                                        struct progress_subject *whole,
                                        unsigned i, unsigned n);

/* A part whose subject is S was fed N bytes.  */
static inline void
progress_part_fed (struct progress_subject *s, size_t n)
{
  if (s && s->whole)
    __atomic_fetch_add (&s->whole->parts_bytes, n, __ATOMIC_RELAXED);
}

/* Answer what the handlers asked for, with C's counts so far.  */
void progress_report (struct counter *c);

/* Called by the counter after each span.  */
static inline void
progress_poll (struct counter *c)
{
  if (progress_pending)
    progress_report (c);
}

/* The input of S is counted, C holding its counts: answer a request that
   came too late for the last span, and erase the status line.  */
void progress_end (struct progress_subject *s, struct counter *c);

/* Hold the status line off standard error while the caller writes there
   or on standard output (the same terminal, perhaps), until
   progress_resume.  */
void progress_pause (void);
void progress_resume (void);

#endif
