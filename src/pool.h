/* pool.h: a few worker threads that run tasks.  Every task belongs to a
   group, and a thread that waits for a group runs the group's tasks that no
   worker has taken yet, so waiting never deadlocks, and a pool that could
   not start a single thread still gets everything done.  */
#ifndef WC_POOL_H
#define WC_POOL_H

#include <stdbool.h>
#include <stddef.h>

struct task_group
{
  size_t unfinished;            /* submitted and not yet run to the end */
};

struct task
{
  void (*run) (struct task *t);
  struct task_group *group;
  struct task *next;            /* in the queue */
};

struct pool;

/* A pool that starts up to MAX_WORKERS (at least 1) threads, as tasks
   need them.  */
struct pool *pool_create (unsigned max_workers);

/* Queue T in its group (which must outlive the group's wait).  URGENT
   tasks go before every queued one: they are parts of an input that a
   thread is already waiting for.  */
void pool_submit (struct pool *pool, struct task *t, bool urgent);

/* Return once every task of G has run, running the ones still queued.  */
void pool_wait (struct pool *pool, struct task_group *g);

/* The same, but running any queued task meanwhile, as a worker would: for
   a thread that would otherwise sleep and wake for every short task.  */
void pool_wait_working (struct pool *pool, struct task_group *g);

/* Which thread runs the caller: 0 for a thread that is not a worker of a
   pool, else a number that no other live worker has.  */
unsigned pool_thread_number (void) _GL_ATTRIBUTE_PURE;

/* Stop and join the workers; every group must have been waited for.  */
void pool_destroy (struct pool *pool);

#endif
