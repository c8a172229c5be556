/* pool.c: the worker threads.  One lock guards the queue and the group
   counters; workers are started only when a task is queued that no idle
   worker can take, so a run that never needs a second thread starts none.
   A thread that cannot be started is not an error: the tasks wait in the
   queue for the thread that waits for their group.  */
#include <config.h>

#include "pool.h"

#include <pthread.h>
#include <stdlib.h>

#include "xalloc.h"

struct pool
{
  pthread_mutex_t lock;
  pthread_cond_t work;          /* a task was queued, or the pool stops */
  pthread_cond_t finished;      /* a group's last task ended */
  struct task *head, *tail;     /* the queue */
  size_t queued;
  unsigned max_workers;
  unsigned workers;             /* started */
  unsigned idle;                /* started and waiting for work */
  bool stopping;
  struct worker *worker;        /* MAX_WORKERS of them */
};

struct worker
{
  struct pool *pool;
  unsigned number;              /* from 1 */
  pthread_t thread;
};

static _Thread_local unsigned thread_number;

unsigned
pool_thread_number (void)
{
  return thread_number;
}

struct pool *
pool_create (unsigned max_workers)
{
  struct pool *pool = xzalloc (sizeof *pool);
  pthread_mutex_init (&pool->lock, NULL);
  pthread_cond_init (&pool->work, NULL);
  pthread_cond_init (&pool->finished, NULL);
  pool->max_workers = max_workers;
  pool->worker = xnmalloc (max_workers, sizeof *pool->worker);
  return pool;
}

/* With the lock held: take T out of the queue; PREV is the task before it.  */
static void
unlink_task (struct pool *pool, struct task *prev, struct task *t)
{
  if (prev)
    prev->next = t->next;
  else
    pool->head = t->next;
  if (pool->tail == t)
    pool->tail = prev;
  t->next = NULL;
  pool->queued--;
}

/* With the lock held: T has run.  */
static void
task_done (struct pool *pool, struct task *t)
{
  struct task_group *g = t->group;
  if (--g->unfinished == 0)
    pthread_cond_broadcast (&pool->finished);
}

static void *
work (void *arg)
{
  struct worker *self = arg;
  struct pool *pool = self->pool;
  thread_number = self->number;
  pthread_mutex_lock (&pool->lock);
  for (;;)
    {
      while (!pool->head && !pool->stopping)
        {
          pool->idle++;
          pthread_cond_wait (&pool->work, &pool->lock);
          pool->idle--;
        }
      struct task *t = pool->head;
      if (!t)
        break;
      unlink_task (pool, NULL, t);
      pthread_mutex_unlock (&pool->lock);
      t->run (t);
      pthread_mutex_lock (&pool->lock);
      task_done (pool, t);
    }
  pthread_mutex_unlock (&pool->lock);
  return NULL;
}

void
pool_submit (struct pool *pool, struct task *t, bool urgent)
{
  pthread_mutex_lock (&pool->lock);
  t->group->unfinished++;
  if (urgent || !pool->tail)
    {
      t->next = pool->head;
      pool->head = t;
      if (!pool->tail)
        pool->tail = t;
    }
  else
    {
      t->next = NULL;
      pool->tail->next = t;
      pool->tail = t;
    }
  pool->queued++;
  if (pool->idle < pool->queued && pool->workers < pool->max_workers)
    {
      struct worker *w = &pool->worker[pool->workers];
      *w = (struct worker) { .pool = pool, .number = pool->workers + 1 };
      if (pthread_create (&w->thread, NULL, work, w) == 0)
        pool->workers++;
      else
        {
          /* Fewer threads, same results: waiters run what is left.  */
          pool->max_workers = pool->workers;
        }
    }
  pthread_cond_signal (&pool->work);
  pthread_mutex_unlock (&pool->lock);
}

/* Wait for G, running its queued tasks, or any queued task if ANY.  */
static void
wait_running (struct pool *pool, struct task_group *g, bool any)
{
  pthread_mutex_lock (&pool->lock);
  while (g->unfinished)
    {
      struct task *prev = NULL, *t = pool->head;
      while (t && t->group != g && !any)
        {
          prev = t;
          t = t->next;
        }
      if (!t)
        {
          pthread_cond_wait (&pool->finished, &pool->lock);
          continue;
        }
      unlink_task (pool, prev, t);
      pthread_mutex_unlock (&pool->lock);
      t->run (t);
      pthread_mutex_lock (&pool->lock);
      task_done (pool, t);
    }
  pthread_mutex_unlock (&pool->lock);
}

void
pool_wait (struct pool *pool, struct task_group *g)
{
  wait_running (pool, g, false);
}

void
pool_wait_working (struct pool *pool, struct task_group *g)
{
  wait_running (pool, g, true);
}

void
pool_destroy (struct pool *pool)
{
  pthread_mutex_lock (&pool->lock);
  pool->stopping = true;
  pthread_cond_broadcast (&pool->work);
  unsigned workers = pool->workers;
  pthread_mutex_unlock (&pool->lock);
  for (unsigned i = 0; i < workers; i++)
    pthread_join (pool->worker[i].thread, NULL);
  pthread_cond_destroy (&pool->finished);
  pthread_cond_destroy (&pool->work);
  pthread_mutex_destroy (&pool->lock);
  free (pool->worker);
  free (pool);
}
