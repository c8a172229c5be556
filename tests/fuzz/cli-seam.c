/* cli-seam.c: src/cli.c, compiled unchanged except that its calls to exit
   reach cli_seam_exit, which jumps back to the caller of
   parse_command_line_caught.  The alternative, a forked child per input,
   would hide the parser's coverage from the fuzzer (the counters live in
   the child) and cost a fork per input.  Leaving by longjmp is safe here:
   parse_command_line and getopt allocate nothing that the jump could
   leak, and getopt is reset before each parse.

   Every header of cli.c is included before exit is renamed, so that the C
   library's own declaration of exit stays as it is.  */
#include <config.h>

#include <getopt.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "argmatch.h"
#include "closeout.h"
#include "error.h"
#include "gettext.h"
#include "progname.h"
#include "quoting.h"
#include "version-etc.h"
#include "cli.h"
#include "cli-seam.h"

_Noreturn void cli_seam_exit (int status);

#define exit cli_seam_exit
#include "cli.c"
#undef exit

static jmp_buf *exit_target;
static int exit_status;

void
cli_seam_exit (int status)
{
  if (!exit_target)
    {
      fputs ("cli-seam: exit outside parse_command_line_caught\n", stderr);
      abort ();
    }
  exit_status = status;
  longjmp (*exit_target, 1);
}

int
parse_command_line_caught (int argc, char **argv, struct options *opts)
{
  jmp_buf here;
  if (setjmp (here))
    {
      exit_target = NULL;
      return exit_status;
    }
  exit_target = &here;
  optind = 0;           /* glibc: start a new scan, forgetting the last */
  parse_command_line (argc, argv, opts);
  exit_target = NULL;
  return -1;
}
