/* conform.c: the conformance driver.  It runs a wc program over the
   generated corpus (tests/gen-corpus) under every option set, in two
   locales, with each file given every way (operand, redirected standard
   input, pipe, the same file twice, all files of its group at once as
   operands, all through pipes of their own, and both in one run), and
   either records what the program printed or compares a program with such
   a record.  Each run is one posix_spawn with argv[0] = "wc"
   (tests/spawn-run.c): no shell stands between the driver and the
   program, so thousands of runs cost little more than the counting
   itself.

   Usage:
     conform record [--ways=W,...] [--timeout=S] CORPUS ORACLE PASS
     conform check [--group=G]... [--ways=W,...] [--max-report=N]
                   [--timeout=S] CORPUS ORACLE PASS [--and PASS]...
     conform list [--group=G]... [--ways=W,...] CORPUS PASS
   where PASS is  [--only=lines] [NAME=VALUE]... WC [ARG]...

   `record` runs the system wc once over the whole matrix and writes the
   results to ORACLE.  `check` runs each PASS (a wc, extra arguments placed
   before the option set, extra environment) over the cases of the chosen
   groups and compares every run with ORACLE: WC_SIMD=off or --strategy=mmap
   must not change what wc prints, so one oracle serves every pass.
   --only=lines limits a pass to the option sets that only count lines.
   --ways limits the cases to the listed ways of giving the files (the
   mode names below: all, pipes and both make one run of a group's files
   per option set and locale, the others one or two runs per file); the
   default is every way.
   `list` prints the command of every case.  Exit status: 0 when every run
   matched, 1 when some differ, 2 on any other trouble.

   The cases are made from the corpus's file names and the tables below
   alone, never from which program runs, so a record and a check made from
   the same corpus always agree on the cases' keys.

   ORACLE is a text header followed by length-prefixed records, so outputs
   may hold any byte:
     wc-conform-oracle 1\n
     file NAMELEN SIZE HASH\n NAME \n       (one per corpus file)
     case KEYLEN STATUS OUTLEN ERRLEN\n KEY OUT ERR \n   (one per case)
   STATUS is the exit status, or 256 + the signal that ended the program;
   HASH is the FNV-1a hash of the file's bytes, in hex, so that a check
   notices an oracle recorded from another corpus.  */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "spawn-run.h"

extern char **environ;

/* --- The case matrix ------------------------------------------------------ */

/* Distinct option sets: every count alone, the default, and combinations
   that select different counting passes (lines only, words, decoding,
   widths).  TWO_OPERANDS sets also run on the same file given twice (the
   width rule over two files and the total line); LINES_ONLY sets are
   counted by the newline kernel alone, which has portable and vector
   versions worth checking separately.  */
struct option_set
{
  char const *opts;
  bool two_operands;
  bool lines_only;
};
static struct option_set const option_sets[] = {
  { "", true, false },
  { "-c", true, false },
  { "-m", false, false },
  { "-l", false, true },
  { "-w", false, false },
  { "-L", false, false },
  { "-lw", false, false },
  { "-lwc", false, false },
  { "-cm", false, false },
  { "-lwmcL", true, false },
  { "-wL", false, false },
  { "-mL", false, false },
  { "-lc", false, true },
  { "-lm", false, true },
};
enum { N_OPTION_SETS = sizeof option_sets / sizeof option_sets[0] };

static char const *const locales[] = { "C", "C.UTF-8" };
enum { N_LOCALES = sizeof locales / sizeof locales[0] };

/* How the input reaches wc.  */
enum mode
{
  MODE_FILE,   /* wc OPTS NAME */
  MODE_STDIN,  /* wc OPTS < NAME */
  MODE_PIPE,   /* cat NAME | wc OPTS */
  MODE_TWO,    /* wc OPTS NAME NAME */
  MODE_ALL,    /* wc OPTS GROUP-*, every file of the group */
  MODE_PIPES,  /* wc OPTS - /dev/fd/3 /dev/fd/4 ..., every file of the
                  group through a pipe of its own, the first on stdin */
  MODE_BOTH,   /* wc OPTS GROUP-* - /dev/fd/3 ..., the two above in one
                  run: every file read both ways for one process start */
  N_MODES
};
static char const *const mode_names[N_MODES] = { "file", "stdin", "pipe",
                                                 "two", "all", "pipes",
                                                 "both" };
/* The ways selected by --ways (every one by default).  */
static bool way_selected[N_MODES] = { true, true, true, true, true, true,
                                      true };
/* Whether a case of MODE gives the files of a group as operands, and
   whether it gives them through pipes.  */
static bool
gives_operands (enum mode mode)
{
  return mode == MODE_ALL || mode == MODE_BOTH;
}
static bool
gives_pipes (enum mode mode)
{
  return mode == MODE_PIPES || mode == MODE_BOTH;
}
/* Whether a case of MODE gives all files of a group in one run.  */
static bool
is_group_mode (enum mode mode)
{
  return gives_operands (mode) || gives_pipes (mode);
}
/* The modes that every option set runs for each file.  */
static enum mode const per_file_modes[] = { MODE_FILE, MODE_STDIN,
                                            MODE_PIPE };

/* The pipe is fed in writes of this odd size, so that wc's reads end at
   offsets no buffer size would choose.  */
enum { PIPE_CHUNK = 4093 };

/* A run that takes longer than this many seconds (--timeout) is killed and
   reported: a hung wc must not hold up the whole test run.  No case takes a
   second on an idle machine.  */
enum { DEFAULT_TIMEOUT = 120 };
static unsigned int run_timeout = DEFAULT_TIMEOUT;

/* A failing check lists this many mismatches by default, then only counts
   the rest; an `all` mismatch lists this many of its differing lines.  */
enum { DEFAULT_MAX_REPORT = 25, MAX_REPORTED_LINES = 10 };

/* --- Errors ------------------------------------------------------------- */

char const *program_name = "conform";

_Noreturn static void
usage (void)
{
  fprintf (stderr,
           "Usage: %s record [--ways=W,...] [--timeout=S] CORPUS ORACLE"
           " PASS\n"
           "       %s check [--group=G]... [--ways=W,...] [--max-report=N]"
           " [--timeout=S] CORPUS ORACLE PASS [--and PASS]...\n"
           "       %s list [--group=G]... [--ways=W,...] CORPUS PASS\n"
           "W: file, stdin, pipe, two, all or pipes\n"
           "PASS: [--only=lines] [NAME=VALUE]... WC [ARG]...\n",
           program_name, program_name, program_name);
  exit (EXIT_TROUBLE);
}

/* --- The corpus ----------------------------------------------------------- */

struct corpus_file
{
  char *name;
  size_t group;       /* index into corpus.groups */
  uintmax_t size;
  uint64_t hash;
  bool hashed;
};

struct corpus
{
  char *dir;          /* absolute, for the reproducing commands */
  struct corpus_file *files;   /* sorted by name (bytes, as in the C locale) */
  size_t n_files;
  char **groups;      /* in the order they first appear in files */
  size_t n_groups;
};

static int
compare_names (void const *a, void const *b)
{
  return strcmp (((struct corpus_file const *) a)->name,
                 ((struct corpus_file const *) b)->name);
}

/* Every regular file of DIR; a file's group is its name up to the first
   '-'.  Changes the working directory to DIR, where every case runs, so
   that operands (and so wc's output) are the bare names.  */
static void
load_corpus (struct corpus *c, char const *dir)
{
  if (chdir (dir) != 0)
    die ("cannot enter", dir, errno);
  char *cwd = getcwd (NULL, 0);
  if (!cwd)
    die ("cannot name the directory", dir, errno);
  c->dir = cwd;
  DIR *d = opendir (".");
  if (!d)
    die ("cannot read", dir, errno);
  size_t cap = 0;
  c->files = NULL;
  c->n_files = 0;
  struct dirent *e;
  for (errno = 0; (e = readdir (d)); errno = 0)
    {
      struct stat st;
      if (e->d_name[0] == '.')
        continue;
      if (stat (e->d_name, &st) != 0)
        die ("cannot stat", e->d_name, errno);
      if (!S_ISREG (st.st_mode))
        die ("not a regular file:", e->d_name, 0);
      if (c->n_files == cap)
        {
          cap = cap ? 2 * cap : 128;
          c->files = xnrealloc (c->files, cap, sizeof *c->files);
        }
      c->files[c->n_files++] = (struct corpus_file) {
        .name = xstrdup (e->d_name),
        .size = (uintmax_t) st.st_size,
      };
    }
  if (errno)
    die ("cannot read", dir, errno);
  closedir (d);
  if (c->n_files == 0)
    die ("no file in", dir, 0);
  qsort (c->files, c->n_files, sizeof *c->files, compare_names);

  c->groups = xnmalloc (c->n_files, sizeof *c->groups);
  c->n_groups = 0;
  for (size_t i = 0; i < c->n_files; i++)
    {
      char const *name = c->files[i].name;
      size_t len = strcspn (name, "-");
      size_t g;
      for (g = 0; g < c->n_groups; g++)
        if (strlen (c->groups[g]) == len
            && memcmp (c->groups[g], name, len) == 0)
          break;
      if (g == c->n_groups)
        {
          char *group = xmalloc (len + 1);
          memcpy (group, name, len);
          group[len] = '\0';
          c->groups[c->n_groups++] = group;
        }
      c->files[i].group = g;
    }
}

/* FNV-1a over the bytes of F, computed once.  */
static uint64_t
file_hash (struct corpus_file *f)
{
  if (f->hashed)
    return f->hash;
  int fd = open (f->name, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    die ("cannot open", f->name, errno);
  uint64_t h = 0xcbf29ce484222325u;
  static unsigned char buf[1 << 16];
  ssize_t n;
  while ((n = read (fd, buf, sizeof buf)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          die ("cannot read", f->name, errno);
        }
      for (ssize_t i = 0; i < n; i++)
        h = (h ^ buf[i]) * 0x100000001b3u;
    }
  close (fd);
  f->hash = h;
  f->hashed = true;
  return h;
}

/* --- Cases ------------------------------------------------------------------ */

struct wc_case
{
  enum mode mode;
  size_t locale;      /* index into locales */
  size_t option_set;  /* index into option_sets */
  size_t target;      /* a file index, or a group index for MODE_ALL */
};

struct case_list
{
  struct wc_case *v;
  size_t n;
  size_t cap;
};

static void
add_case (struct case_list *l, enum mode mode, size_t loc, size_t opt,
          size_t target)
{
  if (l->n == l->cap)
    {
      l->cap = l->cap ? 2 * l->cap : 1024;
      l->v = xnrealloc (l->v, l->cap, sizeof *l->v);
    }
  l->v[l->n++] = (struct wc_case) { mode, loc, opt, target };
}

/* Every case of the groups that SELECTED marks (every group if SELECTED is
   null) in the selected ways, in a fixed order: the group's files all at
   once, as operands, through pipes and both, then each file every single
   way, then twice.  */
static void
make_cases (struct corpus const *c, bool const *selected,
            struct case_list *l)
{
  for (size_t g = 0; g < c->n_groups; g++)
    {
      if (selected && !selected[g])
        continue;
      for (enum mode m = MODE_ALL; m <= MODE_BOTH; m++)
        if (way_selected[m])
          for (size_t loc = 0; loc < N_LOCALES; loc++)
            for (size_t opt = 0; opt < N_OPTION_SETS; opt++)
              add_case (l, m, loc, opt, g);
      for (size_t f = 0; f < c->n_files; f++)
        {
          if (c->files[f].group != g)
            continue;
          for (size_t loc = 0; loc < N_LOCALES; loc++)
            {
              for (size_t opt = 0; opt < N_OPTION_SETS; opt++)
                for (size_t m = 0; m < sizeof per_file_modes
                                       / sizeof per_file_modes[0]; m++)
                  if (way_selected[per_file_modes[m]])
                    add_case (l, per_file_modes[m], loc, opt, f);
              for (size_t opt = 0; opt < N_OPTION_SETS; opt++)
                if (option_sets[opt].two_operands && way_selected[MODE_TWO])
                  add_case (l, MODE_TWO, loc, opt, f);
            }
        }
    }
}

/* The key that names case K in an oracle: "MODE LOCALE [OPTS] TARGET".  */
static void
case_key (struct corpus const *c, struct wc_case const *k, struct str *key)
{
  key->n = 0;
  str_adds (key, mode_names[k->mode]);
  str_adds (key, " ");
  str_adds (key, locales[k->locale]);
  str_adds (key, " [");
  str_adds (key, option_sets[k->option_set].opts);
  str_adds (key, "] ");
  if (is_group_mode (k->mode))
    {
      str_adds (key, c->groups[k->target]);
      str_adds (key, "-*");
    }
  else
    str_adds (key, c->files[k->target].name);
}

/* --- Passes: a program with its extra arguments and environment ---------- */

struct pass
{
  bool only_lines;
  char const *path;       /* the program; searched in PATH if it has no '/' */
  char **args;            /* extra arguments, before the option set */
  size_t n_args;
  char **env;             /* extra NAME=VALUE settings */
  size_t n_env;
  char **envp[N_LOCALES]; /* the complete environment for each locale */
};

/* Whether S is NAME=VALUE with NAME a valid variable name.  */
static bool
is_assignment (char const *s)
{
  size_t len = strcspn (s, "=");
  if (!s[len] || len == 0 || (s[0] >= '0' && s[0] <= '9'))
    return false;
  for (size_t i = 0; i < len; i++)
    if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z')
          || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
      return false;
  return true;
}

/* Whether environment entry E sets the variable that assignment A sets.  */
static bool
same_variable (char const *e, char const *a)
{
  size_t len = strcspn (a, "=") + 1;
  return strncmp (e, a, len) == 0;
}

/* The environment of one pass in locale LOC: the driver's own, less the
   variables that would change wc's language or behaviour behind the
   oracle's back, plus LC_ALL and the pass's settings.  */
static char **
pass_environment (struct pass const *p, char const *loc)
{
  static char const *const dropped[] = { "LC_ALL=", "LANGUAGE=",
                                         "POSIXLY_CORRECT=" };
  size_t n = 0;
  while (environ[n])
    n++;
  char **envp = xnmalloc (n + p->n_env + 2, sizeof *envp);
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    {
      bool keep = true;
      for (size_t d = 0; d < sizeof dropped / sizeof dropped[0]; d++)
        keep &= !same_variable (environ[i], dropped[d]);
      for (size_t a = 0; a < p->n_env; a++)
        keep &= !same_variable (environ[i], p->env[a]);
      if (keep)
        envp[k++] = environ[i];
    }
  struct str lc = { NULL, 0, 0 };
  str_adds (&lc, "LC_ALL=");
  str_adds (&lc, loc);
  envp[k++] = lc.p;
  /* Of two settings of one variable, the later wins.  */
  for (size_t a = 0; a < p->n_env; a++)
    {
      bool overridden = false;
      for (size_t b = a + 1; b < p->n_env; b++)
        overridden |= same_variable (p->env[b], p->env[a]);
      if (!overridden)
        envp[k++] = p->env[a];
    }
  envp[k] = NULL;
  return envp;
}

/* Parse one PASS from ARGV[*I] on, stopping after ARGV's end or at "--and"
   (which is consumed).  Relative program paths are made absolute, since
   every run happens in the corpus directory.  */
static void
parse_pass (int argc, char **argv, int *i, struct pass *p, bool allow_only)
{
  *p = (struct pass) { .only_lines = false };
  if (*i < argc && strcmp (argv[*i], "--only=lines") == 0)
    {
      if (!allow_only)
        usage ();
      p->only_lines = true;
      ++*i;
    }
  int first_env = *i;
  while (*i < argc && is_assignment (argv[*i]))
    ++*i;
  p->env = argv + first_env;
  p->n_env = (size_t) (*i - first_env);
  if (*i >= argc || strcmp (argv[*i], "--and") == 0)
    usage ();
  char const *path = argv[(*i)++];
  if (strchr (path, '/'))
    {
      char *abs = realpath (path, NULL);
      if (!abs)
        die ("cannot find", path, errno);
      path = abs;
    }
  p->path = path;
  int first_arg = *i;
  while (*i < argc && strcmp (argv[*i], "--and") != 0)
    ++*i;
  p->args = argv + first_arg;
  p->n_args = (size_t) (*i - first_arg);
  if (*i < argc)
    ++*i;
  for (size_t loc = 0; loc < N_LOCALES; loc++)
    p->envp[loc] = pass_environment (p, locales[loc]);
}

/* --- Running one case --------------------------------------------------------- */

/* The name by which the program opens the Ith extra pipe of a run.  */
static char const *
extra_pipe_name (size_t i)
{
  static char names[RUN_MAX_EXTRA_PIPES][sizeof "/dev/fd/" + 11];
  if (!names[i][0])
    snprintf (names[i], sizeof names[i], "/dev/fd/%d",
              RUN_FIRST_EXTRA_FD + (int) i);
  return names[i];
}

/* Run pass P on case K of corpus C; the result's buffers are the caller's
   to free.  */
static void
run_case (struct runner *r, struct corpus const *c, struct pass const *p,
          struct wc_case const *k, struct result *res)
{
  char const *opts = option_sets[k->option_set].opts;

  size_t n_operands = k->mode == MODE_FILE ? 1
                      : k->mode == MODE_TWO ? 2
                      : is_group_mode (k->mode)
                      ? 2 * c->n_files : 0;
  char **argv = xnmalloc (p->n_args + n_operands + 3, sizeof *argv);
  char const **pipes = xnmalloc (n_operands + 1, sizeof *pipes);
  size_t a = 0, n_pipes = 0;
  argv[a++] = (char *) "wc";
  for (size_t i = 0; i < p->n_args; i++)
    argv[a++] = p->args[i];
  if (*opts)
    argv[a++] = (char *) opts;
  if (gives_operands (k->mode))
    for (size_t f = 0; f < c->n_files; f++)
      if (c->files[f].group == k->target)
        argv[a++] = c->files[f].name;
  if (gives_pipes (k->mode))
    {
      for (size_t f = 0; f < c->n_files; f++)
        if (c->files[f].group == k->target)
          pipes[n_pipes++] = c->files[f].name;
      if (n_pipes - 1 > RUN_MAX_EXTRA_PIPES)
        die ("too many files for pipes in group", c->groups[k->target], 0);
      argv[a++] = (char *) "-";
      for (size_t i = 1; i < n_pipes; i++)
        argv[a++] = (char *) extra_pipe_name (i - 1);
    }
  if (!is_group_mode (k->mode))
    for (size_t i = 0; i < n_operands; i++)
      argv[a++] = c->files[k->target].name;
  argv[a] = NULL;

  struct run_input in = { .fd = -1, .pipe_chunk = PIPE_CHUNK };
  if (gives_pipes (k->mode))
    {
      in.pipe_from = pipes[0];
      in.extra_pipes_from = pipes + 1;
      in.n_extra_pipes = n_pipes - 1;
    }
  else if (k->mode == MODE_STDIN)
    {
      in.fd = open (c->files[k->target].name, O_RDONLY | O_CLOEXEC);
      if (in.fd < 0)
        die ("cannot open", c->files[k->target].name, errno);
    }
  else if (k->mode == MODE_PIPE)
    in.pipe_from = c->files[k->target].name;
  runner_run (r, p->path, argv, p->envp[k->locale], &in, res);
  if (in.fd >= 0)
    close (in.fd);
  free (pipes);
  free (argv);
}

/* --- Showing commands and outputs ------------------------------------------ */

/* A bash command that repeats pass P's run of case K by hand.  */
static void
put_command (FILE *o, struct corpus const *c, struct pass const *p,
             struct wc_case const *k)
{
  char const *name = (is_group_mode (k->mode)
                      ? "" : c->files[k->target].name);
  fputs ("(cd ", o);
  put_word (o, c->dir);
  fputs (" && ", o);
  if (k->mode == MODE_PIPE)
    {
      fputs ("cat ", o);
      put_word (o, name);
      fputs (" | ", o);
    }
  fprintf (o, "LC_ALL=%s", locales[k->locale]);
  for (size_t i = 0; i < p->n_env; i++)
    {
      putc (' ', o);
      put_word (o, p->env[i]);
    }
  fputs (" exec -a wc ", o);
  put_word (o, p->path);
  for (size_t i = 0; i < p->n_args; i++)
    {
      putc (' ', o);
      put_word (o, p->args[i]);
    }
  if (*option_sets[k->option_set].opts)
    fprintf (o, " %s", option_sets[k->option_set].opts);
  switch (k->mode)
    {
    case MODE_FILE:
      fputs (" ", o);
      put_word (o, name);
      fputs (" < /dev/null", o);
      break;
    case MODE_TWO:
      fputs (" ", o);
      put_word (o, name);
      fputs (" ", o);
      put_word (o, name);
      fputs (" < /dev/null", o);
      break;
    case MODE_ALL:
    case MODE_PIPES:
    case MODE_BOTH:
      if (gives_operands (k->mode))
        for (size_t f = 0; f < c->n_files; f++)
          if (c->files[f].group == k->target)
            {
              putc (' ', o);
              put_word (o, c->files[f].name);
            }
      if (!gives_pipes (k->mode))
        fputs (" < /dev/null", o);
      else
        {
          /* " - /dev/fd/3 ... < <(cat FIRST) 3< <(cat SECOND) ...".  */
          size_t i = 0;
          for (size_t f = 0; f < c->n_files; f++)
            if (c->files[f].group == k->target)
              {
                if (i)
                  fprintf (o, " %s", extra_pipe_name (i - 1));
                else
                  fputs (" -", o);
                i++;
              }
          i = 0;
          for (size_t f = 0; f < c->n_files; f++)
            if (c->files[f].group == k->target)
              {
                if (i)
                  fprintf (o, " %d", RUN_FIRST_EXTRA_FD + (int) i - 1);
                else
                  putc (' ', o);
                fputs ("< <(cat ", o);
                put_word (o, c->files[f].name);
                putc (')', o);
                i++;
              }
        }
      break;
    case MODE_STDIN:
      fputs (" < ", o);
      put_word (o, name);
      break;
    case MODE_PIPE:
    case N_MODES:
      break;
    }
  fputs (")\n", o);
}

/* Point at the lines of two outputs that differ (for many operands, where
   one wrong line hides in a long output).  */
static void
put_line_differences (FILE *o, char const *e, size_t e_len, char const *g,
                      size_t g_len)
{
  size_t line = 1, shown = 0, ei = 0, gi = 0;
  while ((ei < e_len || gi < g_len) && shown < MAX_REPORTED_LINES)
    {
      char const *ee = memchr (e + ei, '\n', e_len - ei);
      char const *ge = memchr (g + gi, '\n', g_len - gi);
      size_t el = (ee ? (size_t) (ee - e) : e_len) - ei;
      size_t gl = (ge ? (size_t) (ge - g) : g_len) - gi;
      if (el != gl || memcmp (e + ei, g + gi, el) != 0)
        {
          fprintf (o, "    line %zu: expected ", line);
          put_quoted (o, e + ei, el);
          fputs (", got ", o);
          put_quoted (o, g + gi, gl);
          putc ('\n', o);
          shown++;
        }
      ei = ee ? (size_t) (ee - e) + 1 : e_len;
      gi = ge ? (size_t) (ge - g) + 1 : g_len;
      line++;
    }
}

/* --- The oracle file ---------------------------------------------------------- */

static char const oracle_magic[] = "wc-conform-oracle 1\n";

struct oracle_case
{
  char const *key;
  size_t key_len;
  struct result r;
};

struct oracle_file
{
  char const *name;
  size_t name_len;
  uintmax_t size;
  uint64_t hash;
};

struct oracle
{
  struct oracle_file *files;
  size_t n_files;
  struct oracle_case *cases;  /* sorted by key */
  size_t n_cases;
};

static void
write_or_die (FILE *o, void const *p, size_t n, char const *path)
{
  if (n && fwrite (p, 1, n, o) != n)
    die ("cannot write", path, errno);
}

static int
compare_keys (char const *a, size_t a_len, char const *b, size_t b_len)
{
  int cmp = memcmp (a, b, a_len < b_len ? a_len : b_len);
  return cmp ? cmp : (a_len > b_len) - (a_len < b_len);
}

static int
compare_oracle_cases (void const *a, void const *b)
{
  struct oracle_case const *x = a, *y = b;
  return compare_keys (x->key, x->key_len, y->key, y->key_len);
}

/* Read one decimal number followed by SEP from *P (within END).  */
static uintmax_t
parse_number (char **p, char const *end, char sep, char const *path)
{
  uintmax_t v = 0;
  char *s = *p;
  if (s >= end || *s < '0' || *s > '9')
    die ("malformed oracle", path, 0);
  while (s < end && *s >= '0' && *s <= '9')
    {
      if (v > (UINTMAX_MAX - 9) / 10)
        die ("malformed oracle", path, 0);
      v = v * 10 + (uintmax_t) (*s++ - '0');
    }
  if (s >= end || *s != sep)
    die ("malformed oracle", path, 0);
  *p = s + 1;
  return v;
}

/* Take LEN bytes and then a newline from *P (within END).  */
static char *
take_bytes (char **p, char const *end, uintmax_t len, char const *path)
{
  char *s = *p;
  if (len >= (uintmax_t) (end - s) || s[len] != '\n')
    die ("malformed oracle", path, 0);
  *p = s + len + 1;
  return s;
}

static void
load_oracle (struct oracle *o, char const *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    die ("cannot open", path, errno);
  struct stat st;
  if (fstat (fd, &st) != 0)
    die ("cannot stat", path, errno);
  size_t n = (size_t) st.st_size;
  char *buf = xmalloc (n + 1);
  size_t got = 0;
  while (got < n)
    {
      ssize_t r = read (fd, buf + got, n - got);
      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        die ("cannot read", path, r < 0 ? errno : EIO);
      got += (size_t) r;
    }
  close (fd);
  buf[n] = '\0';
  char *p = buf, *end = buf + n;
  size_t magic_len = sizeof oracle_magic - 1;
  if (n < magic_len || memcmp (buf, oracle_magic, magic_len) != 0)
    die ("not an oracle file:", path, 0);
  p += magic_len;
  size_t files_cap = 0, cases_cap = 0;
  *o = (struct oracle) { NULL, 0, NULL, 0 };
  while (p < end)
    {
      if (end - p > 5 && memcmp (p, "file ", 5) == 0)
        {
          p += 5;
          uintmax_t name_len = parse_number (&p, end, ' ', path);
          uintmax_t size = parse_number (&p, end, ' ', path);
          char *hex_end;
          errno = 0;
          uint64_t hash = strtoull (p, &hex_end, 16);
          if (errno || hex_end == p || hex_end >= end || *hex_end != '\n')
            die ("malformed oracle", path, 0);
          p = hex_end + 1;
          char const *name = take_bytes (&p, end, name_len, path);
          if (o->n_files == files_cap)
            {
              files_cap = files_cap ? 2 * files_cap : 128;
              o->files = xnrealloc (o->files, files_cap, sizeof *o->files);
            }
          o->files[o->n_files++] = (struct oracle_file) {
            name, (size_t) name_len, size, hash
          };
        }
      else if (end - p > 5 && memcmp (p, "case ", 5) == 0)
        {
          p += 5;
          uintmax_t key_len = parse_number (&p, end, ' ', path);
          uintmax_t status = parse_number (&p, end, ' ', path);
          uintmax_t out_len = parse_number (&p, end, ' ', path);
          uintmax_t err_len = parse_number (&p, end, '\n', path);
          if (status > INT_MAX || key_len > SIZE_MAX - out_len
              || key_len + out_len > SIZE_MAX - err_len)
            die ("malformed oracle", path, 0);
          char *data = take_bytes (&p, end, key_len + out_len + err_len,
                                   path);
          if (o->n_cases == cases_cap)
            {
              cases_cap = cases_cap ? 2 * cases_cap : 4096;
              o->cases = xnrealloc (o->cases, cases_cap, sizeof *o->cases);
            }
          o->cases[o->n_cases++] = (struct oracle_case) {
            .key = data, .key_len = (size_t) key_len,
            .r = { (int) status, false, data + key_len, (size_t) out_len,
                   data + key_len + out_len, (size_t) err_len }
          };
        }
      else
        die ("malformed oracle", path, 0);
    }
  qsort (o->cases, o->n_cases, sizeof *o->cases, compare_oracle_cases);
}

static struct oracle_case const *
find_oracle_case (struct oracle const *o, struct str const *key)
  _GL_ATTRIBUTE_PURE;
static struct oracle_case const *
find_oracle_case (struct oracle const *o, struct str const *key)
{
  size_t lo = 0, hi = o->n_cases;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int cmp = compare_keys (key->p, key->n, o->cases[mid].key,
                              o->cases[mid].key_len);
      if (cmp == 0)
        return &o->cases[mid];
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

/* Die unless the oracle was recorded from the same files of the selected
   groups as the corpus holds now.  */
static void
check_oracle_corpus (struct oracle const *o, struct corpus *c,
                     bool const *selected, char const *path)
{
  for (size_t f = 0; f < c->n_files; f++)
    {
      struct corpus_file *cf = &c->files[f];
      if (!selected[cf->group])
        continue;
      size_t i;
      for (i = 0; i < o->n_files; i++)
        if (o->files[i].name_len == strlen (cf->name)
            && memcmp (o->files[i].name, cf->name, o->files[i].name_len) == 0)
          break;
      if (i == o->n_files || o->files[i].size != cf->size
          || o->files[i].hash != file_hash (cf))
        {
          fprintf (stderr, "%s: %s was recorded from another corpus"
                   " (it has no record of %s as it is now);"
                   " record it again\n", program_name, path, cf->name);
          exit (EXIT_TROUBLE);
        }
    }
  for (size_t i = 0; i < o->n_files; i++)
    {
      struct oracle_file const *of = &o->files[i];
      for (size_t g = 0; g < c->n_groups; g++)
        {
          size_t len = strlen (c->groups[g]);
          if (selected[g] && of->name_len > len
              && memcmp (of->name, c->groups[g], len) == 0
              && of->name[len] == '-')
            {
              bool found = false;
              for (size_t f = 0; f < c->n_files && !found; f++)
                found = (strlen (c->files[f].name) == of->name_len
                         && memcmp (c->files[f].name, of->name,
                                    of->name_len) == 0);
              if (!found)
                {
                  fprintf (stderr, "%s: %s was recorded from another corpus"
                           " (the corpus has lost a file); record it"
                           " again\n", program_name, path);
                  exit (EXIT_TROUBLE);
                }
            }
        }
    }
}

/* --- The commands -------------------------------------------------------------- */

static int
cmd_record (struct corpus *c, char const *path, struct pass const *p)
{
  struct case_list cases = { NULL, 0, 0 };
  make_cases (c, NULL, &cases);
  FILE *o = fopen (path, "wb");
  if (!o)
    die ("cannot create", path, errno);
  write_or_die (o, oracle_magic, sizeof oracle_magic - 1, path);
  for (size_t f = 0; f < c->n_files; f++)
    {
      struct corpus_file *cf = &c->files[f];
      fprintf (o, "file %zu %ju %016" PRIx64 "\n%s\n", strlen (cf->name),
               cf->size, file_hash (cf), cf->name);
    }
  struct runner r;
  runner_init (&r, run_timeout);
  struct str key = { NULL, 0, 0 };
  for (size_t i = 0; i < cases.n; i++)
    {
      struct result res;
      run_case (&r, c, p, &cases.v[i], &res);
      case_key (c, &cases.v[i], &key);
      fprintf (o, "case %zu %d %zu %zu\n", key.n, res.status, res.out_len,
               res.err_len);
      write_or_die (o, key.p, key.n, path);
      write_or_die (o, res.out, res.out_len, path);
      write_or_die (o, res.err, res.err_len, path);
      write_or_die (o, "\n", 1, path);
      free (res.out);
      free (res.err);
    }
  if (fclose (o) != 0)
    die ("cannot write", path, errno);
  printf ("%s: recorded %zu cases over %zu files in %zu groups\n",
          program_name, cases.n, c->n_files, c->n_groups);
  return EXIT_SUCCESS;
}

static void
put_mismatch (FILE *o, struct corpus const *c, struct pass const *p,
              struct wc_case const *k, struct result const *e,
              struct result const *g)
{
  fputs ("MISMATCH: ", o);
  put_command (o, c, p, k);
  put_result (o, "expected (oracle)", e, run_timeout);
  put_result (o, "got", g, run_timeout);
  if (is_group_mode (k->mode)
      && (e->out_len != g->out_len || memcmp (e->out, g->out, e->out_len)))
    put_line_differences (o, e->out, e->out_len, g->out, g->out_len);
}

static int
cmd_check (struct corpus *c, char const *path, bool const *selected,
           struct pass const *passes, size_t n_passes, size_t max_report)
{
  struct oracle o;
  load_oracle (&o, path);
  check_oracle_corpus (&o, c, selected, path);
  struct case_list cases = { NULL, 0, 0 };
  make_cases (c, selected, &cases);
  struct runner r;
  runner_init (&r, run_timeout);
  struct str key = { NULL, 0, 0 };
  size_t runs = 0, mismatches = 0;
  for (size_t pi = 0; pi < n_passes; pi++)
    for (size_t i = 0; i < cases.n; i++)
      {
        struct wc_case const *k = &cases.v[i];
        if (passes[pi].only_lines && !option_sets[k->option_set].lines_only)
          continue;
        case_key (c, k, &key);
        struct oracle_case const *oc = find_oracle_case (&o, &key);
        if (!oc)
          {
            fprintf (stderr, "%s: %s has no case \"%s\"; record it again\n",
                     program_name, path, key.p);
            return EXIT_TROUBLE;
          }
        struct result res;
        run_case (&r, c, &passes[pi], k, &res);
        runs++;
        if (!same_result (&oc->r, &res) && ++mismatches <= max_report)
          put_mismatch (stdout, c, &passes[pi], k, &oc->r, &res);
        free (res.out);
        free (res.err);
      }

  size_t n_files = 0, n_groups = 0;
  struct str groups = { NULL, 0, 0 };
  str_adds (&groups, "");
  for (size_t g = 0; g < c->n_groups; g++)
    if (selected[g])
      {
        str_adds (&groups, n_groups++ ? " " : "");
        str_adds (&groups, c->groups[g]);
        for (size_t f = 0; f < c->n_files; f++)
          n_files += c->files[f].group == g;
      }
  if (mismatches > max_report)
    printf ("... and %zu more mismatches\n", mismatches - max_report);
  printf ("%s: %zu of %zu runs differ from the oracle (%zu cases, %zu"
          " pass%s, %zu files of group%s %s)\n",
          program_name, mismatches, runs, cases.n, n_passes,
          n_passes == 1 ? "" : "es", n_files, n_groups == 1 ? "" : "s",
          groups.p);
  return mismatches ? EXIT_MISMATCH : EXIT_SUCCESS;
}

static int
cmd_list (struct corpus const *c, bool const *selected, struct pass const *p)
{
  struct case_list cases = { NULL, 0, 0 };
  make_cases (c, selected, &cases);
  for (size_t i = 0; i < cases.n; i++)
    if (!p->only_lines || option_sets[cases.v[i].option_set].lines_only)
      put_command (stdout, c, p, &cases.v[i]);
  return EXIT_SUCCESS;
}

/* Select the ways that LIST, comma-separated mode names, names.  */
static void
parse_ways (char const *list)
{
  for (enum mode m = 0; m < N_MODES; m++)
    way_selected[m] = false;
  while (*list)
    {
      size_t len = strcspn (list, ",");
      enum mode m = 0;
      while (m < N_MODES && !(strlen (mode_names[m]) == len
                              && memcmp (mode_names[m], list, len) == 0))
        m++;
      if (m == N_MODES)
        usage ();
      way_selected[m] = true;
      list += len + (list[len] == ',');
    }
}

/* The decimal number S, at most MAX.  */
static size_t
parse_count (char const *s, size_t max)
{
  char *end;
  errno = 0;
  unsigned long long v = strtoull (s, &end, 10);
  if (errno || end == s || *end || *s == '-' || v > max)
    usage ();
  return (size_t) v;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    usage ();
  char const *cmd = argv[1];
  bool record = strcmp (cmd, "record") == 0;
  bool check = strcmp (cmd, "check") == 0;
  bool list = strcmp (cmd, "list") == 0;
  if (!record && !check && !list)
    usage ();

  /* Options, then CORPUS (and ORACLE).  */
  int i = 2;
  char const **group_names = xnmalloc ((size_t) argc, sizeof *group_names);
  size_t n_group_names = 0;
  size_t max_report = DEFAULT_MAX_REPORT;
  for (; i < argc && strncmp (argv[i], "--", 2) == 0; i++)
    {
      if (!record && strncmp (argv[i], "--group=", 8) == 0)
        group_names[n_group_names++] = argv[i] + 8;
      else if (check && strncmp (argv[i], "--max-report=", 13) == 0)
        max_report = parse_count (argv[i] + 13, SIZE_MAX);
      else if (strncmp (argv[i], "--ways=", 7) == 0)
        parse_ways (argv[i] + 7);
      else if (!list && strncmp (argv[i], "--timeout=", 10) == 0)
        run_timeout = (unsigned int) parse_count (argv[i] + 10, UINT_MAX);
      else
        usage ();
    }
  if (i >= argc)
    usage ();
  char const *corpus_dir = argv[i++];
  char *oracle_path = NULL;
  if (!list)
    {
      if (i >= argc)
        usage ();
      /* The oracle is named before the corpus becomes the directory.  */
      oracle_path = argv[i][0] == '/' ? xstrdup (argv[i]) : NULL;
      if (!oracle_path)
        {
          char *cwd = getcwd (NULL, 0);
          if (!cwd)
            die ("cannot name", "the working directory", errno);
          struct str s = { NULL, 0, 0 };
          str_adds (&s, cwd);
          str_adds (&s, "/");
          str_adds (&s, argv[i]);
          oracle_path = s.p;
          free (cwd);
        }
      i++;
    }

  /* Program paths are resolved before the corpus becomes the directory.  */
  size_t n_passes = 0;
  struct pass *passes = xnmalloc ((size_t) argc, sizeof *passes);
  while (i < argc)
    {
      if (n_passes && !check)
        usage ();
      parse_pass (argc, argv, &i, &passes[n_passes++], !record);
    }
  if (!n_passes)
    usage ();

  struct corpus c;
  load_corpus (&c, corpus_dir);
  bool *selected = xnmalloc (c.n_groups, sizeof *selected);
  for (size_t g = 0; g < c.n_groups; g++)
    selected[g] = n_group_names == 0;
  for (size_t n = 0; n < n_group_names; n++)
    {
      size_t g;
      for (g = 0; g < c.n_groups; g++)
        if (strcmp (c.groups[g], group_names[n]) == 0)
          break;
      if (g == c.n_groups)
        die ("the corpus has no file in group", group_names[n], 0);
      selected[g] = true;
    }

  int status;
  if (record)
    status = cmd_record (&c, oracle_path, &passes[0]);
  else if (check)
    status = cmd_check (&c, oracle_path, selected, passes, n_passes,
                        max_report);
  else
    status = cmd_list (&c, selected, &passes[0]);
  if (fflush (stdout) != 0 || ferror (stdout))
    die ("cannot write", "standard output", errno);
  return status;
}
