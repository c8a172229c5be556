/* cli.c: parse wc's command line (GNU getopt, with GNU wc's options and
   messages, plus --total, --gnu-compat, --strategy, --stats, --threads
   and --progress), and print --help and --version.  */
#include <config.h>

#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argmatch.h"
#include "closeout.h"
#include "error.h"
#include "gettext.h"
#include "progname.h"
#include "quote.h"
#include "quoting.h"
#include "version-etc.h"

#define _(msgid) gettext (msgid)

char const version_etc_copyright[] =
  "Copyright %s 2026 the wc-strategies developers.";

enum
{
  DEBUG_OPTION = CHAR_MAX + 1,
  FILES0_FROM_OPTION,
  GNU_COMPAT_OPTION,
  PROGRESS_OPTION,
  STATS_OPTION,
  THREADS_OPTION,
  TOTAL_OPTION,
  HELP_OPTION,
  VERSION_OPTION
};

static struct option const long_options[] =
{
  {"bytes", no_argument, NULL, 'c'},
  {"chars", no_argument, NULL, 'm'},
  {"lines", no_argument, NULL, 'l'},
  {"words", no_argument, NULL, 'w'},
  {"debug", no_argument, NULL, DEBUG_OPTION},
  {"files0-from", required_argument, NULL, FILES0_FROM_OPTION},
  {"max-line-length", no_argument, NULL, 'L'},
  {"total", required_argument, NULL, TOTAL_OPTION},
  {"gnu-compat", required_argument, NULL, GNU_COMPAT_OPTION},
  {"strategy", required_argument, NULL, 'p'},
  {"stats", no_argument, NULL, STATS_OPTION},
  {"progress", no_argument, NULL, PROGRESS_OPTION},
  {"threads", required_argument, NULL, THREADS_OPTION},
  {"help", no_argument, NULL, HELP_OPTION},
  {"version", no_argument, NULL, VERSION_OPTION},
  {NULL, 0, NULL, 0}
};

static char const *const total_arg_names[] =
{
  "auto", "always", "only", "never", NULL
};
static enum total_mode const total_arg_values[] =
{
  TOTAL_AUTO, TOTAL_ALWAYS, TOTAL_ONLY, TOTAL_NEVER
};
ARGMATCH_VERIFY (total_arg_names, total_arg_values);

/* The rules --help describes: the default, or those chosen before it.  */
static struct gnu_rules const *help_rules;

/* error's prefix under the rules that use the last part of argv[0].  */
static void
print_short_program_name (void)
{
  char const *slash = strrchr (program_name, '/');
  fprintf (stderr, "%s: ", slash ? slash + 1 : program_name);
}

void
use_program_name_of (struct gnu_rules const *gnu)
{
  error_print_progname = gnu->short_program_name ? print_short_program_name
                         : NULL;
}

/* A usage error, or --help.  argmatch calls this too (see configure.ac).  */
void
usage (int status)
{
  if (status != EXIT_SUCCESS)
    {
      fprintf (stderr, _("Try '%s --help' for more information.\n"),
               program_name);
      exit (status);
    }
  printf (_("\
Usage: %s [OPTION]... [FILE]...\n\
  or:  %s [OPTION]... --files0-from=F\n\
"), program_name, program_name);
  fputs (_("\
Print newline, word, and byte counts for each FILE, and a total line if\n\
more than one FILE is specified.  "), stdout);
  fputs (_(help_rules->word_help), stdout);
  fputs (_("\
\n\
With no FILE, or when FILE is -, read standard input.\n\
\n\
The options below may be used to select which counts are printed, always in\n\
the following order: newline, word, character, byte, maximum line length.\n\
  -c, --bytes            print the byte counts\n\
  -m, --chars            print the character counts\n\
  -l, --lines            print the newline counts\n\
      --files0-from=F    read input from the files specified by\n\
                           NUL-terminated names in file F;\n\
                           If F is - then read names from standard input\n\
  -L, --max-line-length  print the maximum display width\n\
  -w, --words            print the word counts\n\
      --total=WHEN       when to print a line with total counts;\n\
                           WHEN can be: auto, always, only, never\n\
"), stdout);
  fputs (_("\
\n\
How input is read (the counts are the same whichever is chosen):\n\
  -p, --strategy=NAME    read each input the NAME way instead of the default\n\
                           constant-memory read loop:\n\
                           scanner    stdio getline, one line at a time\n\
                           upfront    one read into a buffer sized by fstat\n\
                           buffering  64 KiB reads into a doubling buffer\n\
                           mmap       map the file and count the mapping\n\
                           mmap2      map the file, getline over the mapping\n\
      --stats            after the counts, print on standard error how each\n\
                           input was read and what it cost\n\
      --threads=N        count with up to N threads, 1 to 256, or auto (the\n\
                           default: one per processor, where it pays): a\n\
                           large file is cut into parts counted at once,\n\
                           and many files are counted at once; 1: no thread\n\
                           (only the default strategy and mmap use threads)\n\
"), stdout);
  printf (_("\
\n\
Which GNU wc this one follows where GNU's rules changed:\n\
      --gnu-compat=VERSION\n\
                         count and report as GNU wc VERSION does: 9.1, or\n\
                           9.7 (the rules of GNU coreutils 9.5 and later);\n\
                           this build follows %s unless told otherwise\n\
"), gnu_rules_default->version);
  fputs (_("\
\n\
While counting:\n\
      --progress         when standard error is a terminal, keep a status\n\
                           line there while counting: bytes done and rate,\n\
                           and for a regular file its size, the percent\n\
                           done and the time left; erased before the counts\n\
"), stdout);
  fputs (_("\
      --help        display this help and exit\n\
      --version     output version information and exit\n\
"), stdout);
  fputs (_("\
\n\
Sending a running wc the USR1 signal (or INFO, where the system has it) makes\n\
it print on standard error one line with the input being counted and its\n\
counts so far, and then carry on.\n\
"), stdout);
  exit (status);
}

/* --version in GNU's format, then a line naming the rule set in force:
   "Follows GNU wc 9.7 rules (--gnu-compat=9.7)."  */
static void
print_version (struct gnu_rules const *gnu)
{
  version_etc (stdout, "wc", PACKAGE_NAME, PACKAGE_VERSION,
               "the wc-strategies developers", (char *) NULL);
  printf (_("Follows GNU wc %s rules (--gnu-compat=%s).\n"), gnu->version,
          gnu->version);
}

static void
set_strategy (struct options *opts, char const *arg)
{
  opts->strategy = XARGMATCH ("--strategy", arg, strategy_arg_names,
                              strategy_arg_values);
}

/* --threads=ARG: "auto" (0), or a decimal number from 1 to THREADS_MAX.  */
static unsigned
parse_threads (char const *arg)
{
  if (strcmp (arg, "auto") == 0)
    return 0;
  int err = 0;
  uintmax_t n = 0;
  char const *p = arg;
  for (; '0' <= *p && *p <= '9'; p++)
    {
      n = n * 10 + (*p - '0');
      if (THREADS_MAX < n)
        {
          /* Keep scanning: trailing junk is the worse error.  */
          err = ERANGE;
          n = THREADS_MAX + 1;
        }
    }
  if (p == arg || *p || n == 0 || err)
    {
      error (0, *p || p == arg ? 0 : err, _("invalid number of threads: %s"),
             quote (arg));
      usage (EXIT_FAILURE);
    }
  return n;
}

void
parse_command_line (int argc, char **argv, struct options *opts)
{
  unsigned wanted = 0;
  int c;
  *opts = (struct options) { .strategy = STRATEGY_STREAM,
                             .gnu = gnu_rules_default };
  help_rules = opts->gnu;
  /* Messages before --gnu-compat, if any, follow the build's rules.  */
  use_program_name_of (opts->gnu);
  while ((c = getopt_long (argc, argv, "clLmwp:", long_options, NULL)) != -1)
    switch (c)
      {
      case 'c': wanted |= WANT_BYTES; break;
      case 'm': wanted |= WANT_CHARS; break;
      case 'l': wanted |= WANT_LINES; break;
      case 'w': wanted |= WANT_WORDS; break;
      case 'L': wanted |= WANT_MAX_WIDTH; break;
      case 'p': set_strategy (opts, optarg); break;
      case DEBUG_OPTION: opts->debug = true; break;
      case FILES0_FROM_OPTION: opts->files0_from = optarg; break;
      case STATS_OPTION: opts->stats = true; break;
      case PROGRESS_OPTION: opts->progress = true; break;
      case THREADS_OPTION: opts->threads = parse_threads (optarg); break;
      case GNU_COMPAT_OPTION:
        help_rules = opts->gnu = XARGMATCH ("--gnu-compat", optarg,
                                            gnu_rules_names,
                                            gnu_rules_by_name);
        use_program_name_of (opts->gnu);
        break;
      case TOTAL_OPTION:
        opts->total = XARGMATCH ("--total", optarg, total_arg_names,
                                 total_arg_values);
        break;
      case HELP_OPTION:
        usage (EXIT_SUCCESS);
      case VERSION_OPTION:
        print_version (help_rules);
        exit (EXIT_SUCCESS);
      default:
        usage (EXIT_FAILURE);
      }

  opts->wanted = wanted ? wanted : WANT_LINES | WANT_WORDS | WANT_BYTES;
  opts->operands = argv + optind;
  opts->n_operands = argc - optind;
  if (opts->files0_from && opts->n_operands)
    {
      error (0, 0, _("extra operand %s"), quoteaf (opts->operands[0]));
      fprintf (stderr, "%s\n",
               _("file operands cannot be combined with --files0-from"));
      usage (EXIT_FAILURE);
    }
}
