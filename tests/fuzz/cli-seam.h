/* cli-seam.h: src/cli.c's parse_command_line, made safe to call many times
   in one process: where it would end the process (--help, --version, a
   usage error), it returns instead, saying with what status it would have
   exited.  */
#ifndef WC_FUZZ_CLI_SEAM_H
#define WC_FUZZ_CLI_SEAM_H

#include "cli.h"

/* Reset getopt and parse ARGV (ARGC elements, ARGV[ARGC] == NULL) into
   OPTS.  Returns -1 if parsing finished, else the exit status.  */
int parse_command_line_caught (int argc, char **argv, struct options *opts);

#endif
