/* cli.h: the command line, parsed into one struct.  */
#ifndef WC_CLI_H
#define WC_CLI_H

#include <stdbool.h>

#include "gnu-rules.h"
#include "input.h"

/* --total=WHEN (GNU 9.2): when the total line is printed.  */
enum total_mode
{
  TOTAL_AUTO,     /* when more than one name was processed */
  TOTAL_ALWAYS,
  TOTAL_ONLY,     /* the total alone, without its label */
  TOTAL_NEVER
};

struct options
{
  unsigned wanted;              /* WANT_* bits; never 0 after parsing */
  enum total_mode total;
  enum strategy strategy;
  bool debug;                   /* say which line kernel runs */
  struct gnu_rules const *gnu;  /* the GNU wc whose rules are followed */
  bool stats;                   /* --stats: measurements on stderr */
  bool progress;                /* --progress: a status line on a terminal */
  unsigned threads;             /* --threads=N; 0 for auto */
  char const *files0_from;      /* NULL: the names are the operands */
  char **operands;              /* the file operands, ... */
  int n_operands;               /* ... possibly none */
};

/* The largest N of --threads=N.  */
enum { THREADS_MAX = 256 };

/* Print --help and exit with STATUS, or for a usage error the hint to try
   --help.  */
_Noreturn void usage (int status);

/* Make diagnostics name the program as GNU rule set GNU does.  */
void use_program_name_of (struct gnu_rules const *gnu);

/* Parse ARGV into OPTS.  Usage errors, --help and --version exit here.  */
void parse_command_line (int argc, char **argv, struct options *opts);

#endif
