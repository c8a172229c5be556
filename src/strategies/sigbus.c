/* sigbus.c: the guard that turns a SIGBUS inside our own mapping into an
   error for that operand.  The handler checks the faulting address: only a
   fault inside the window being counted is ours; anything else is re-raised
   with the default action, so unrelated bugs still crash loudly.  A fault
   is delivered to the thread that touched the page, so each thread has its
   own window and jump buffer, and threads can count mappings at once.  */
#include <config.h>

#include "sigbus.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>

static _Thread_local sigjmp_buf guard_jump;
static _Thread_local volatile sig_atomic_t guard_armed;
static _Thread_local uintptr_t volatile guard_lo, guard_hi;

static void
on_sigbus (int sig, siginfo_t *info, void *context)
{
  (void) context;
  uintptr_t addr = (uintptr_t) info->si_addr;
  if (guard_armed && info->si_code > 0 && guard_lo <= addr && addr < guard_hi)
    {
      guard_armed = 0;
      siglongjmp (guard_jump, 1);
    }
  /* Not ours: die the way an unguarded process would.  */
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
install_handler (void)
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sigbus;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGBUS, &sa, NULL);
}

bool
sigbus_guard (void const *lo, size_t len, void (*body) (void *), void *arg)
{
  static pthread_once_t installed = PTHREAD_ONCE_INIT;
  pthread_once (&installed, install_handler);
  guard_lo = (uintptr_t) lo;
  guard_hi = (uintptr_t) lo + len;
  /* Save the signal mask, so that jumping out of the handler unblocks
     SIGBUS again.  */
  if (sigsetjmp (guard_jump, 1))
    return false;
  guard_armed = 1;
  body (arg);
  guard_armed = 0;
  return true;
}
