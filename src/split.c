/* split.c: plan the parts of a file, run them on the pool, merge them.
   The thread that splits the file counts the first part itself, then
   waits for the others (running any that no worker has taken yet).  */
#include <config.h>

#include "split.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "mapping.h"
#include "part.h"
#include "progress.h"
#include "xalloc.h"

struct part_job
{
  struct task task;             /* first: a task is its job */
  struct part part;
  struct progress_subject progress;     /* the part's, for progress lines */
  int fd;
  off_t size;                   /* where a mapping ends */
  bool mapped;                  /* -p mmap: read through mappings */
};

static void
run_part (struct task *t)
{
  struct part_job *job = (struct part_job *) t;
  struct part *p = &job->part;
  p->thread = pool_thread_number ();
  int err = STRATEGY_NOT_APPLICABLE;
  if (job->mapped)
    err = read_part_mmap (job->fd, job->size, p);
  if (err == STRATEGY_NOT_APPLICABLE)
    {
      /* Not mapped, or a window refused: read from where it stopped.  */
      p->reread = job->mapped;
      err = read_part_stream (job->fd, p);
    }
  p->err = err;
}

/* The nominal start of part I of N over REMAINING bytes from OFFSET,
   without overflow.  */
static off_t
part_begin (off_t offset, uintmax_t remaining, unsigned i, unsigned n)
{
  return offset + remaining / n * i + remaining % n * i / n;
}

/* How many distinct threads ran the N parts.  */
static unsigned
threads_used (struct part_job const *jobs, unsigned n)
{
  unsigned distinct = 0;
  for (unsigned i = 0; i < n; i++)
    {
      unsigned j = 0;
      while (j < i && jobs[j].part.thread != jobs[i].part.thread)
        j++;
      distinct += j == i;
    }
  return distinct;
}

bool
may_split (struct input const *in, uintmax_t min_part)
{
  return (in->st_ok && S_ISREG (in->st.st_mode)
          && 2 <= in->st.st_size / min_part);
}

int
count_in_parts (struct input *in, enum strategy s, struct counter *c,
                struct splitter const *sp)
{
  /* The system calls last: most files are too small to split.  */
  if (!sp || !strategy_uses_threads (s) || c->pass == PASS_BYTES
      || !may_split (in, sp->min_part))
    return STRATEGY_NOT_APPLICABLE;
  off_t offset = lseek (in->fd, 0, SEEK_CUR);
  off_t size = in->st.st_size;
  if (offset < 0 || size <= offset || !size_is_content (in->fd))
    return STRATEGY_NOT_APPLICABLE;
  uintmax_t remaining = size - offset;
  uintmax_t parts = remaining / sp->min_part;
  if (parts < 2)
    return STRATEGY_NOT_APPLICABLE;
  unsigned n = parts < sp->max_parts ? parts : sp->max_parts;

  struct part_job *jobs = xnmalloc (n, sizeof *jobs);
  struct task_group group = { 0 };
  for (unsigned i = 0; i < n; i++)
    {
      off_t until = (i + 1 < n ? part_begin (offset, remaining, i + 1, n)
                     : PART_UNBOUNDED);
      part_init (&jobs[i].part, c, part_begin (offset, remaining, i, n),
                 until, i == 0);
      jobs[i].part.counter.progress = progress_part (&jobs[i].progress,
                                                     c->progress, i, n);
      jobs[i].task = (struct task) { .run = run_part, .group = &group };
      jobs[i].fd = in->fd;
      jobs[i].size = size;
      jobs[i].mapped = s == STRATEGY_MMAP;
    }
  if (s == STRATEGY_STREAM)
    posix_fadvise (in->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  /* Urgent tasks go first in the queue: submitted last to first, part 1
     is the first a worker takes.  */
  for (unsigned i = n - 1; 0 < i; i--)
    pool_submit (sp->pool, &jobs[i].task, true);
  run_part (&jobs[0].task);
  pool_wait (sp->pool, &group);

  /* Add the parts up to the first that failed or met the end of the file
     (a file that shrank: what the parts after it read is not counted).  */
  int err = 0;
  off_t end = offset;
  struct progress_subject *whole = c->progress;
  for (unsigned i = 0; i < n; i++)
    {
      struct part const *p = &jobs[i].part;
      if (i == 0)
        *c = p->counter;
      else
        counter_append (c, &p->counter);
      err = p->err;
      end = p->pos;
      if (err || p->at_end)
        break;
    }
  c->progress = whole;          /* not the part's, which goes now */
  bool reread = false;
  for (unsigned i = 0; i < n; i++)
    {
      in->tally.reads += jobs[i].part.reads;
      in->tally.maps += jobs[i].part.maps;
      reread |= jobs[i].part.reread;
    }
  in->tally.method = (s == STRATEGY_STREAM ? "stream"
                      : reread ? "mmap+stream" : "mmap");
  in->threads = threads_used (jobs, n);
  free (jobs);
  lseek (in->fd, end, SEEK_SET);
  return err;
}
