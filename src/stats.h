/* stats.h: --stats: what reading each input cost (wall and CPU time, peak
   memory, page faults, system calls, bytes), reported on stderr after the
   normal output in one key=value line per input and one for the total.  */
#ifndef WC_STATS_H
#define WC_STATS_H

#include <stdint.h>
#include <sys/resource.h>
#include <time.h>

#include "input.h"

struct stats_probe
{
  struct timespec wall;
  struct rusage usage;
};

void stats_start (struct stats_probe *probe);
/* Record the input NAME ("-" for stdin), read with strategy REQUESTED.  */
void stats_finish (struct stats_probe const *probe, char const *name,
                   enum strategy requested, struct io_tally const *tally,
                   uintmax_t bytes);
/* Print every recorded line, then the total.  */
void stats_report (enum strategy requested);

#endif
