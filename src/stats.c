/* stats.c: measure each input for --stats and print the measurements once
   the counts are out, so that stdout stays exactly what wc prints without
   the option.  */
#include <config.h>

#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quoting.h"
#include "xalloc.h"

/* The lines waiting for the end of the run, and the sums for the total.  */
static FILE *pending;
static char *pending_text;
static size_t pending_len;
static struct stats_probe run_start;
static bool run_started;
static uintmax_t total_bytes, total_reads, total_maps;

static double
seconds_between (struct timespec a, struct timespec b)
{
  return (double) (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
}

static double
tv_seconds (struct timeval tv)
{
  return (double) tv.tv_sec + tv.tv_usec / 1e6;
}

void
stats_start (struct stats_probe *probe)
{
  clock_gettime (CLOCK_MONOTONIC, &probe->wall);
  getrusage (RUSAGE_SELF, &probe->usage);
  if (!run_started)
    {
      run_start = *probe;
      run_started = true;
    }
}

/* Write the measurements common to file and total lines, from FROM to now.  */
static void
put_costs (FILE *out, struct stats_probe const *from, uintmax_t bytes,
           uintmax_t reads, uintmax_t maps)
{
  struct stats_probe now;
  clock_gettime (CLOCK_MONOTONIC, &now.wall);
  getrusage (RUSAGE_SELF, &now.usage);
  double wall = seconds_between (from->wall, now.wall);
  double user = (tv_seconds (now.usage.ru_utime)
                 - tv_seconds (from->usage.ru_utime));
  double sys = (tv_seconds (now.usage.ru_stime)
                - tv_seconds (from->usage.ru_stime));
  double mbps = 0 < wall ? bytes / wall / 1e6 : 0;
  fprintf (out,
           "bytes=%ju reads=%ju maps=%ju wall_s=%.6f user_s=%.6f sys_s=%.6f"
           " peak_rss_kib=%ld minor_faults=%ld major_faults=%ld"
           " mb_per_s=%.1f",
           bytes, reads, maps, wall, user, sys, now.usage.ru_maxrss,
           now.usage.ru_minflt - from->usage.ru_minflt,
           now.usage.ru_majflt - from->usage.ru_majflt, mbps);
}

void
stats_finish (struct stats_probe const *probe, char const *name,
              enum strategy requested, struct io_tally const *tally,
              uintmax_t bytes)
{
  if (!pending)
    {
      pending = open_memstream (&pending_text, &pending_len);
      if (!pending)
        xalloc_die ();
    }
  fprintf (pending, "stats scope=file strategy=%s used=%s ",
           strategy_name (requested),
           tally->method ? tally->method : strategy_name (requested));
  put_costs (pending, probe, bytes, tally->reads, tally->maps);
  fprintf (pending, " name=%s\n", strchr (name, '\n') ? quotef (name) : name);
  total_bytes += bytes;
  total_reads += tally->reads;
  total_maps += tally->maps;
}

void
stats_report (enum strategy requested)
{
  if (!run_started)
    stats_start (&run_start);
  fflush (stdout);
  if (pending)
    {
      if (fclose (pending) != 0)
        xalloc_die ();
      fwrite (pending_text, 1, pending_len, stderr);
      free (pending_text);
      pending = NULL;
    }
  fprintf (stderr, "stats scope=total strategy=%s ",
           strategy_name (requested));
  put_costs (stderr, &run_start, total_bytes, total_reads, total_maps);
  fputc ('\n', stderr);
}
