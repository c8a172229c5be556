/* diff-wc.c: the differential fuzzer.  It draws random cases (input bytes,
   options, locale, the way the input is given) and runs the system wc and
   our wc on each, the same way and with the same operand names, and
   compares standard output, standard error and exit status byte for byte.
   Our wc alone also gets a random strategy, SIMD level and thread count,
   none of which may change what it prints.  The first difference stops
   the run: the case is saved as a directory (its input files and a `case`
   file naming the invocation) that `replay` runs again, and the commands
   that reproduce it are printed.  Expected output always comes from the
   system wc at run time; nothing is recorded from ours.

   Usage:
     diff-wc run [--seed=N] [--first=K] [--cases=N] [--seconds=S]
                 [--save=DIR] [--locpath=DIR] [--avoid-gnu-9.5-bugs] SYS_WC OUR_WC
     diff-wc replay [--locpath=DIR] SYS_WC OUR_WC CASEDIR...

   `run` runs cases K, K+1, ... of seed N until N cases (default: no
   limit) or S seconds (default: no limit) have passed; case K of seed N is
   the same on every machine (but for its locale, where one lacks the
   locale drawn), so `--seed=N --first=K --cases=1` draws it again.  A difference is saved in DIR (default: the working directory)
   as seed-N-case-K.  --locpath names the directory of the compiled legacy
   locales (tests/fuzz/make-locales), which cases may then use.  Exit
   status: 0 when every case matched, 1 on a difference, 2 on any other
   trouble.  */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "spawn-run.h"
#include "test-support.h"

extern char **environ;

char const *program_name = "diff-wc";

/* No run of a case takes a second on an idle machine; a hung wc must not
   hold up the test run.  */
enum { RUN_TIMEOUT = 60 };

/* --- A case ---------------------------------------------------------------- */

/* The input files a case may use, in the directory where it runs: two
   inputs and a NUL-separated list of names for --files0-from.  */
static char const *const file_names[] = { "in", "in2", "names" };
enum { N_FILES = sizeof file_names / sizeof file_names[0] };

enum input_kind { INPUT_NULL, INPUT_FILE, INPUT_PIPE };
static char const *const input_kinds[] = { "null", "file", "pipe" };

enum { MAX_WORDS = 24 };

/* One invocation: what both programs get, and what ours alone gets.  */
struct wc_case
{
  char *locale;
  char *args[MAX_WORDS];       /* options and operands, for both */
  size_t n_args;
  char *our_args[MAX_WORDS];   /* before ARGS, for ours alone */
  size_t n_our_args;
  char *our_env[MAX_WORDS];    /* NAME=VALUE, for ours alone */
  size_t n_our_env;
  char *total;                 /* --total=TOTAL for ours, or null */
  enum input_kind input;
  char *input_file;            /* for INPUT_FILE and INPUT_PIPE */
  size_t pipe_chunk;
};

static void
add_word (char **v, size_t *n, char const *s)
{
  if (*n == MAX_WORDS)
    die ("too many words in", "a case", 0);
  v[(*n)++] = xstrdup (s);
}

static void
free_case (struct wc_case *k)
{
  free (k->locale);
  for (size_t i = 0; i < k->n_args; i++)
    free (k->args[i]);
  for (size_t i = 0; i < k->n_our_args; i++)
    free (k->our_args[i]);
  for (size_t i = 0; i < k->n_our_env; i++)
    free (k->our_env[i]);
  free (k->input_file);
  free (k->total);
  *k = (struct wc_case) { .locale = NULL };
}

/* --- Drawing a case's input bytes ------------------------------------------ */

/* Characters that sit on the edges of the counting rules: every UTF-8
   length at its limits, the no-break spaces that split words, spaces that
   are and are not printable, wide, combining and zero-width characters,
   controls beyond ASCII.  */
static char const *const utf8_edges[] = {
  "\xc2\x80", "\xc2\x85", "\xc2\x9f", "\xc2\xa0", "\xc2\xad", "\xc3\xa9",
  "\xcc\x81", "\xdf\xbf", "\xe0\xa0\x80", "\xe1\x9a\x80", "\xe2\x80\x83",
  "\xe2\x80\x87", "\xe2\x80\x8b", "\xe2\x80\x8d", "\xe2\x80\xa8",
  "\xe2\x80\xa9", "\xe2\x80\xaf", "\xe2\x81\xa0", "\xe3\x80\x80",
  "\xe4\xb8\xad", "\xea\xb0\x80", "\xef\xb8\x8f", "\xef\xbb\xbf",
  "\xef\xbc\xa1", "\xef\xbf\xbd", "\xef\xbf\xbf", "\xf0\x90\x80\x80",
  "\xf0\x9f\x98\x80", "\xf0\x9f\x87\xa6", "\xf0\xa0\x80\x80",
  "\xf3\xa0\x80\x81", "\xf4\x8f\xbf\xbf",
};

/* Bytes that are not UTF-8: overlong forms, surrogates, values past
   U+10FFFF, the old 5- and 6-byte forms, lone continuation bytes and
   sequences cut short.  */
static char const *const utf8_invalid[] = {
  "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80", "\xf0\x80\x80\x80",
  "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80",
  "\xfc\x84\x80\x80\x80\x80", "\xfe", "\xff", "\x80", "\xbf", "\xc2",
  "\xe2\x80", "\xf0\x9f\x98", "\xe4\xb8\x61",   /* cut short by an "a" */
};

/* Shift_JIS and GB18030 sequences, among them each one's ideographic
   space, a separator that is not ASCII.  */
static char const *const legacy_multibyte[] = {
  "\x82\xa0", "\x81\x40", "\x88\x9f", "\x5c", "\xa1\xa1", "\xb0\xa1",
  "\x81\x30\x81\x30", "\x84\x31\xa4\x39", "\x81\x39\xee\x39", "\x81",
};

static char const separators[] = " \n \n\t\v\f\r";

static void
add_byte (struct str *s, unsigned int b)
{
  char c = (char) b;
  str_add (s, &c, 1);
}

/* Any code point but a surrogate, encoded in UTF-8: the counters' tables
   see characters the edge list does not name.  */
static void
add_code_point (struct str *s)
{
  uint32_t c = (uint32_t) (below (4) == 0 ? 0x80 + below (0x780)
                           : below (2) ? 0x800 + below (0xF800)
                           : 0x10000 + below (0x100000));
  if (0xD800 <= c && c < 0xE000)
    c -= 0x800;
  if (c < 0x800)
    {
      add_byte (s, 0xC0 | (c >> 6));
      add_byte (s, 0x80 | (c & 0x3F));
    }
  else if (c < 0x10000)
    {
      add_byte (s, 0xE0 | (c >> 12));
      add_byte (s, 0x80 | ((c >> 6) & 0x3F));
      add_byte (s, 0x80 | (c & 0x3F));
    }
  else
    {
      add_byte (s, 0xF0 | (c >> 18));
      add_byte (s, 0x80 | ((c >> 12) & 0x3F));
      add_byte (s, 0x80 | ((c >> 6) & 0x3F));
      add_byte (s, 0x80 | (c & 0x3F));
    }
}

/* Append one piece, weighted toward what the counting rules treat
   specially.  */
static void
add_piece (struct str *s)
{
  static char const word_chars[] = "abcxyzABC019_-.,'\"";
  unsigned int r = (unsigned int) below (100);
  if (r < 24)
    add_byte (s, (unsigned char) separators[below (sizeof separators - 1)]);
  else if (r < 44)
    for (size_t n = 1 + below (8); n; n--)
      add_byte (s, (unsigned char) word_chars[below (sizeof word_chars - 1)]);
  else if (r < 50)
    add_byte (s, below (4) ? (unsigned int) below (0x20) : 0x7F);
  else if (r < 68)
    str_adds (s, utf8_edges[below (COUNTOF (utf8_edges))]);
  else if (r < 76)
    str_adds (s, utf8_invalid[below (COUNTOF (utf8_invalid))]);
  else if (r < 82)
    add_byte (s, 0x80 + (unsigned int) below (0x80));
  else if (r < 85)
    add_byte (s, (unsigned int) below (0x100));
  else if (r < 89)
    str_adds (s, legacy_multibyte[below (COUNTOF (legacy_multibyte))]);
  else if (r < 97)
    add_code_point (s);
  else
    {
      /* A long line: one character repeated, or word and space.  */
      size_t n = 100 + below (below (8) ? 2000 : 40000);
      char const *unit = below (3) == 0 ? "\xe4\xb8\xad" : below (2) ? "a"
                         : "ab \t";
      while (n--)
        str_adds (s, unit);
    }
}

/* How big an input is: mostly small, often near the sizes where buffers,
   pages and pipe writes end, rarely a few megabytes.  */
static size_t
draw_size (void)
{
  static size_t const edges[] = { 4096, 8192, 16384, 65536, 131072 };
  unsigned int r = (unsigned int) below (100);
  if (r < 40)
    return below (64);
  if (r < 62)
    return below (600);
  if (r < 76)
    return below (5000);
  if (r < 90)
    return edges[below (COUNTOF (edges))] - 64 + below (129);
  if (r < 98)
    return below (1 << 20);
  return (1 << 20) + below (2 << 20);
}

static void
draw_bytes (struct str *s, size_t size)
{
  s->n = 0;
  str_add (s, "", 0);
  while (s->n < size)
    add_piece (s);
  /* Cut at the size drawn, often through a character.  */
  s->n = size;
  /* Sometimes end with a newline, the usual shape of a text file.  */
  if (size && below (4) == 0)
    s->p[size - 1] = '\n';
}

static void
write_file (char const *name, char const *p, size_t n)
{
  int fd = open (name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    die ("cannot create", name, errno);
  for (size_t done = 0; done < n;)
    {
      ssize_t w = write (fd, p + done, n - done);
      if (w < 0 && errno == EINTR)
        continue;
      if (w < 0)
        die ("cannot write", name, errno);
      done += (size_t) w;
    }
  if (close (fd) != 0)
    die ("cannot write", name, errno);
}

/* --- Drawing a case's invocation ------------------------------------------- */

struct count_option
{
  char letter;
  char const *long_form;
};
static struct count_option const count_options[] = {
  { 'c', "--bytes" }, { 'm', "--chars" }, { 'l', "--lines" },
  { 'w', "--words" }, { 'L', "--max-line-length" },
};

static char const *const strategies[] = { "scanner", "upfront", "buffering",
                                          "mmap", "mmap2" };
static char const *const simd_levels[] = { "off", "sse2", "avx2",
                                           "avx512" };
static char const *const total_modes[] = { "auto", "always", "only",
                                           "never" };

/* --avoid-gnu-9.5-bugs: the system wc is GNU 9.5 or later, whose known
   bugs this wc does not imitate, so the cases avoid them.  Those releases
   (up to 9.11 at least) decode the last bytes of a character that one of
   their reads cuts a second time (as encoding errors, or in legacy
   encodings as other characters): every input fits in one read.  And in
   Shift_JIS they miscount bytes A1..DF, or crash: that locale is not
   drawn.  */
static bool whole_reads;

/* The locales a case may use: C and C.UTF-8 always; en_US.UTF-8 if it is
   installed; the legacy ones if --locpath holds them.  */
struct locale_choice
{
  char const *names[5];
  size_t n;
  char const *locpath;    /* LOCPATH for the legacy ones */
  size_t first_legacy;    /* names[first_legacy...] need LOCPATH */
};

static bool
locale_installed (char const *name)
{
  locale_t l = newlocale (LC_CTYPE_MASK, name, (locale_t) 0);
  if (!l)
    return false;
  freelocale (l);
  return true;
}

static void
choose_locales (struct locale_choice *lc, char const *locpath)
{
  lc->n = 0;
  lc->names[lc->n++] = "C";
  lc->names[lc->n++] = "C.UTF-8";
  if (locale_installed ("en_US.UTF-8"))
    lc->names[lc->n++] = "en_US.UTF-8";
  lc->first_legacy = lc->n;
  lc->locpath = locpath;
  static char const *const legacy[] = { "ja_JP.SJIS", "zh_CN.GB18030" };
  for (size_t i = 0; locpath && i < COUNTOF (legacy); i++)
    {
      if (whole_reads && strcmp (legacy[i], "ja_JP.SJIS") == 0)
        continue;
      struct str p = { NULL, 0, 0 };
      str_adds (&p, locpath);
      str_adds (&p, "/");
      str_adds (&p, legacy[i]);
      str_adds (&p, "/LC_CTYPE");
      if (access (p.p, R_OK) == 0)
        lc->names[lc->n++] = legacy[i];
      free (p.p);
    }
}

/* As many numbers are drawn whatever locales there are, so that the rest
   of a case is the same on a machine that lacks some.  */
static char const *
draw_locale (struct locale_choice const *lc)
{
  unsigned int r = (unsigned int) below (100);
  size_t other = below (64);
  if (r < 35)
    return "C";
  if (r < 80 || lc->n == 2)
    return "C.UTF-8";
  return lc->names[2 + other % (lc->n - 2)];
}

/* The count options, each in its short or long form, some short ones
   grouped in one word; sometimes none; sometimes --total (for ours
   alone: see total_expected).  */
static void
draw_options (struct wc_case *k)
{
  if (below (7))
    {
      char cluster[8] = "-";
      size_t n_cluster = 1;
      bool any = false;
      while (!any)
        for (size_t i = 0; i < COUNTOF (count_options); i++)
          {
            if (below (3))
              continue;
            any = true;
            unsigned int form = (unsigned int) below (3);
            if (form == 0)
              add_word (k->args, &k->n_args, count_options[i].long_form);
            else if (form == 1)
              {
                char w[3] = { '-', count_options[i].letter, '\0' };
                add_word (k->args, &k->n_args, w);
              }
            else
              cluster[n_cluster++] = count_options[i].letter;
          }
      if (n_cluster > 1)
        add_word (k->args, &k->n_args, cluster);
    }
  if (below (12) == 0)
    k->total = xstrdup (total_modes[below (COUNTOF (total_modes))]);
}

/* Our wc alone: a strategy, a SIMD level, a thread count with parts small
   enough that even a tiny file is cut.  */
static void
draw_our_side (struct wc_case *k)
{
  char w[64];
  if (below (5) >= 2)
    {
      char const *s = strategies[below (COUNTOF (strategies))];
      if (below (2))
        {
          add_word (k->our_args, &k->n_our_args, "-p");
          add_word (k->our_args, &k->n_our_args, s);
        }
      else
        {
          snprintf (w, sizeof w, "--strategy=%s", s);
          add_word (k->our_args, &k->n_our_args, w);
        }
    }
  if (below (5) >= 2)
    {
      snprintf (w, sizeof w, "WC_SIMD=%s",
                simd_levels[below (COUNTOF (simd_levels))]);
      add_word (k->our_env, &k->n_our_env, w);
    }
  if (below (2))
    {
      static int const threads[] = { 1, 2, 4 };
      snprintf (w, sizeof w, "--threads=%d", threads[below (3)]);
      add_word (k->our_args, &k->n_our_args, w);
      snprintf (w, sizeof w, "WC_THREADS_MIN_PART=%zu",
                (size_t) (below (4) ? 1 + below (64) : 1 + below (5000)));
      add_word (k->our_env, &k->n_our_env, w);
    }
}

static void
set_input (struct wc_case *k, enum input_kind kind, char const *file)
{
  k->input = kind;
  free (k->input_file);
  k->input_file = file ? xstrdup (file) : NULL;
}

/* Standard input holding FILE, redirected or through a pipe.  */
static void
set_file_input (struct wc_case *k, char const *file)
{
  set_input (k, below (2) ? INPUT_FILE : INPUT_PIPE, file);
}

/* How the input reaches wc: an operand, standard input, several operands
   (the same file twice, `-`, now and then a missing file), or a list of
   names read with --files0-from.  Writes the names list that needs.  */
static void
draw_invocation (struct wc_case *k)
{
  unsigned int r = (unsigned int) below (100);
  set_input (k, INPUT_NULL, NULL);
  if (r < 25)
    add_word (k->args, &k->n_args, "in");
  else if (r < 45)
    set_input (k, INPUT_FILE, "in");
  else if (r < 65)
    set_input (k, INPUT_PIPE, "in");
  else if (r < 85)
    {
      static char const *const operands[] = { "in", "in2", "in", "-" };
      size_t n = 2 + below (3);
      for (size_t i = 0; i < n; i++)
        {
          char const *o = operands[below (COUNTOF (operands))];
          if (strcmp (o, "-") == 0)
            set_file_input (k, below (2) ? "in" : "in2");
          add_word (k->args, &k->n_args, o);
        }
      if (below (10) == 0)
        add_word (k->args, &k->n_args, "missing");
    }
  else
    {
      /* A list of in and in2, with now and then an empty name or a
         missing file, which wc reports and skips.  */
      struct str list = { NULL, 0, 0 };
      str_add (&list, "", 0);
      for (size_t n = 1 + below (3); n; n--)
        {
          unsigned int e = (unsigned int) below (20);
          str_adds (&list, e == 0 ? "" : e == 1 ? "missing"
                           : below (2) ? "in" : "in2");
          str_add (&list, "", 1);
        }
      write_file ("names", list.p, list.n);
      free (list.p);
      if (below (2))
        add_word (k->args, &k->n_args, "--files0-from=names");
      else
        {
          add_word (k->args, &k->n_args, "--files0-from=-");
          set_file_input (k, "names");
        }
    }
  /* Odd chunk sizes end the pipe's reads anywhere; a large input gets
     chunks large enough to keep the run short.  */
  k->pipe_chunk = below (2) ? 4093 : 1 + below (8192);
}

/* Cut the file NAME to CAP bytes if it is longer.  */
static void
cap_file (char const *name, off_t cap)
{
  struct stat st;
  if (stat (name, &st) != 0)
    die ("cannot stat", name, errno);
  if (cap < st.st_size && truncate (name, cap) != 0)
    die ("cannot truncate", name, errno);
}


/* Case INDEX of SEED: the PRNG is seeded from both alone, so any case can
   be drawn again by itself.  Writes the input files into the working
   directory.  */
static void
draw_case (struct wc_case *k, uint64_t seed, uint64_t index,
           struct locale_choice const *lc, struct str *bytes)
{
  rng_seed (seed ^ (index * 0xD1B54A32D192ED03u));
  next64 ();
  *k = (struct wc_case) { .locale = xstrdup (draw_locale (lc)) };
  size_t size = draw_size ();
  draw_bytes (bytes, size);
  write_file ("in", bytes->p, bytes->n);
  draw_bytes (bytes, below (2) ? below (100) : draw_size ());
  write_file ("in2", bytes->p, bytes->n);
  write_file ("names", "in\0", 3);
  draw_options (k);
  draw_invocation (k);
  if (size > (1 << 16) && k->pipe_chunk < 4096)
    k->pipe_chunk = 4096;
  if (whole_reads)
    {
      /* A read of 4 KiB from a pipe, of 256 KiB from a file, takes it
         all.  */
      off_t cap = k->input == INPUT_PIPE ? 4096 : 262144;
      cap_file ("in", cap);
      cap_file ("in2", cap);
    }
  draw_our_side (k);
}

/* --- Saving and reading a case --------------------------------------------- */

/* The case file: one line per word, "KEY VALUE", in the order the words
   are given.  Values are single ASCII words, so no quoting is needed.  */
static void
write_case_file (struct wc_case const *k, char const *path,
                 char const *comment)
{
  FILE *f = fopen (path, "w");
  if (!f)
    die ("cannot create", path, errno);
  fprintf (f, "# %s\nlocale %s\n", comment, k->locale);
  for (size_t i = 0; i < k->n_our_env; i++)
    fprintf (f, "our-env %s\n", k->our_env[i]);
  for (size_t i = 0; i < k->n_our_args; i++)
    fprintf (f, "our-arg %s\n", k->our_args[i]);
  if (k->total)
    fprintf (f, "total %s\n", k->total);
  for (size_t i = 0; i < k->n_args; i++)
    fprintf (f, "arg %s\n", k->args[i]);
  if (k->input == INPUT_NULL)
    fprintf (f, "stdin null\n");
  else
    fprintf (f, "stdin %s %s %zu\n", input_kinds[k->input], k->input_file,
             k->pipe_chunk);
  if (fclose (f) != 0)
    die ("cannot write", path, errno);
}

static void
read_case_file (struct wc_case *k, char const *path)
{
  FILE *f = fopen (path, "r");
  if (!f)
    die ("cannot open", path, errno);
  *k = (struct wc_case) { .locale = NULL, .pipe_chunk = 4093 };
  char line[4096];
  while (fgets (line, sizeof line, f))
    {
      line[strcspn (line, "\n")] = '\0';
      if (line[0] == '#' || line[0] == '\0')
        continue;
      char *value = strchr (line, ' ');
      if (!value)
        die ("malformed case file", path, 0);
      *value++ = '\0';
      if (strcmp (line, "locale") == 0 && !k->locale)
        k->locale = xstrdup (value);
      else if (strcmp (line, "our-env") == 0)
        add_word (k->our_env, &k->n_our_env, value);
      else if (strcmp (line, "our-arg") == 0)
        add_word (k->our_args, &k->n_our_args, value);
      else if (strcmp (line, "total") == 0 && !k->total)
        k->total = xstrdup (value);
      else if (strcmp (line, "arg") == 0)
        add_word (k->args, &k->n_args, value);
      else if (strcmp (line, "stdin") == 0)
        {
          char kind[8], file[64];
          size_t chunk = 4093;
          int got = sscanf (value, "%7s %63s %zu", kind, file, &chunk);
          if (got == 1 && strcmp (kind, "null") == 0)
            set_input (k, INPUT_NULL, NULL);
          else if (got >= 2 && strcmp (kind, "file") == 0)
            set_input (k, INPUT_FILE, file);
          else if (got >= 2 && strcmp (kind, "pipe") == 0 && chunk)
            set_input (k, INPUT_PIPE, file);
          else
            die ("malformed stdin line in", path, 0);
          k->pipe_chunk = chunk;
        }
      else
        die ("malformed case file", path, 0);
    }
  if (ferror (f) || !k->locale)
    die ("malformed case file", path, 0);
  fclose (f);
}

/* Copy the input files of the working directory and the case file into
   DIR/NAME, a new directory; return its path.  DIR is made if need be,
   only now, so that a run without a difference leaves nothing behind.  */
static char *
save_case (struct wc_case const *k, char const *dir, char const *name,
           char const *comment)
{
  if (mkdir (dir, 0755) != 0 && errno != EEXIST)
    die ("cannot create", dir, errno);
  struct str path = { NULL, 0, 0 };
  str_adds (&path, dir);
  str_adds (&path, "/");
  str_adds (&path, name);
  /* A fixed seed finds the same case again: the next free name keeps
     what an earlier run saved.  */
  size_t base_len = path.n;
  for (unsigned int n = 1; mkdir (path.p, 0755) != 0; n++)
    {
      if (errno != EEXIST || n > 99)
        die ("cannot create", path.p, errno);
      char suffix[8];
      snprintf (suffix, sizeof suffix, ".%u", n);
      path.n = base_len;
      str_adds (&path, suffix);
    }
  for (size_t i = 0; i < N_FILES; i++)
    {
      FILE *in = fopen (file_names[i], "rb");
      if (!in)
        die ("cannot open", file_names[i], errno);
      struct str data = { NULL, 0, 0 };
      str_add (&data, "", 0);
      char buf[65536];
      size_t n;
      while ((n = fread (buf, 1, sizeof buf, in)) > 0)
        str_add (&data, buf, n);
      if (ferror (in))
        die ("cannot read", file_names[i], errno);
      fclose (in);
      struct str to = { NULL, 0, 0 };
      str_adds (&to, path.p);
      str_adds (&to, "/");
      str_adds (&to, file_names[i]);
      write_file (to.p, data.p, data.n);
      free (to.p);
      free (data.p);
    }
  struct str case_path = { NULL, 0, 0 };
  str_adds (&case_path, path.p);
  str_adds (&case_path, "/case");
  write_case_file (k, case_path.p, comment);
  free (case_path.p);
  return path.p;
}

/* --- Running a case ---------------------------------------------------------- */

struct programs
{
  char *sys_wc;           /* absolute paths */
  char *our_wc;
  struct locale_choice locales;
  struct runner runner;
};

/* Whether case K's locale is one of the legacy ones, found through
   LOCPATH.  */
static bool
legacy_locale (struct programs const *pr, struct wc_case const *k)
{
  for (size_t i = pr->locales.first_legacy; i < pr->locales.n; i++)
    if (strcmp (k->locale, pr->locales.names[i]) == 0)
      return true;
  return false;
}

/* The environment for one run: the driver's own, less what would change
   wc's language or behaviour behind the case's back, plus LC_ALL (and
   LOCPATH for a legacy locale, both made in SETTINGS) and EXTRA.  */
static char **
run_environment (struct programs const *pr, struct wc_case const *k,
                 char *const *extra, size_t n_extra, struct str *settings)
{
  static char const *const dropped[] = {
    "LC_", "LANG=", "LANGUAGE=", "POSIXLY_CORRECT=", "LOCPATH=", "WC_SIMD=",
    "WC_THREADS_MIN_PART=",
  };
  size_t n = 0;
  while (environ[n])
    n++;
  char **envp = xnmalloc (n + n_extra + 3, sizeof *envp);
  size_t e = 0;
  for (size_t i = 0; i < n; i++)
    {
      bool keep = true;
      for (size_t d = 0; d < COUNTOF (dropped); d++)
        keep &= strncmp (environ[i], dropped[d], strlen (dropped[d])) != 0;
      if (keep)
        envp[e++] = environ[i];
    }
  /* LC_ALL=LOCALE\0LOCPATH=DIR\0, pointed at once the string is made.  */
  settings->n = 0;
  str_adds (settings, "LC_ALL=");
  str_adds (settings, k->locale);
  size_t locpath_at = settings->n + 1;
  bool legacy = legacy_locale (pr, k);
  if (legacy)
    {
      str_add (settings, "", 1);
      str_adds (settings, "LOCPATH=");
      str_adds (settings, pr->locales.locpath);
    }
  envp[e++] = settings->p;
  if (legacy)
    envp[e++] = settings->p + locpath_at;
  for (size_t i = 0; i < n_extra; i++)
    envp[e++] = extra[i];
  envp[e] = NULL;
  return envp;
}

/* Run WC with case K in the working directory; OURS adds our side, and
   --total if TOTAL.  */
static void
run_one (struct programs *pr, struct wc_case const *k, bool ours,
         bool total, struct result *res)
{
  char *argv[2 * MAX_WORDS + 3];
  size_t a = 0;
  argv[a++] = (char *) "wc";
  for (size_t i = 0; ours && i < k->n_our_args; i++)
    argv[a++] = k->our_args[i];
  struct str total_arg = { NULL, 0, 0 };
  if (ours && total && k->total)
    {
      str_adds (&total_arg, "--total=");
      str_adds (&total_arg, k->total);
      argv[a++] = total_arg.p;
    }
  for (size_t i = 0; i < k->n_args; i++)
    argv[a++] = k->args[i];
  argv[a] = NULL;
  struct str settings = { NULL, 0, 0 };
  char **envp = run_environment (pr, k, k->our_env, ours ? k->n_our_env : 0,
                                 &settings);
  struct run_input in = { .fd = -1, .pipe_chunk = k->pipe_chunk };
  if (k->input == INPUT_FILE)
    {
      in.fd = open (k->input_file, O_RDONLY | O_CLOEXEC);
      if (in.fd < 0)
        die ("cannot open", k->input_file, errno);
    }
  else if (k->input == INPUT_PIPE)
    in.pipe_from = k->input_file;
  runner_run (&pr->runner, ours ? pr->our_wc : pr->sys_wc, argv, envp, &in,
              res);
  if (in.fd >= 0)
    close (in.fd);
  free (settings.p);
  free (total_arg.p);
  free (envp);
}

/* A bash command, run in DIR, that repeats case K with WC (with
   --total, if TOTAL and ours).  */
static void
put_command (FILE *o, struct programs const *pr, struct wc_case const *k,
             char const *dir, bool ours, bool total)
{
  fputs ("(cd ", o);
  put_word (o, dir);
  fputs (" && ", o);
  if (k->input == INPUT_PIPE)
    fprintf (o, "cat %s | ", k->input_file);
  fprintf (o, "LC_ALL=%s ", k->locale);
  if (legacy_locale (pr, k))
    {
      fputs ("LOCPATH=", o);
      put_word (o, pr->locales.locpath);
      putc (' ', o);
    }
  for (size_t i = 0; ours && i < k->n_our_env; i++)
    fprintf (o, "%s ", k->our_env[i]);
  fputs ("exec -a wc ", o);
  put_word (o, ours ? pr->our_wc : pr->sys_wc);
  for (size_t i = 0; ours && i < k->n_our_args; i++)
    fprintf (o, " %s", k->our_args[i]);
  if (ours && total && k->total)
    fprintf (o, " --total=%s", k->total);
  for (size_t i = 0; i < k->n_args; i++)
    fprintf (o, " %s", k->args[i]);
  if (k->input == INPUT_FILE)
    fprintf (o, " < %s", k->input_file);
  else if (k->input == INPUT_NULL)
    fputs (" < /dev/null", o);
  fputs (")\n", o);
}

/* The end of the counts in output line [LINE, END): the line less its
   name, if it has one.  Names in a case (in, in2, -, missing) are never
   all digits, so the counts end with the last digit before any other
   non-space.  */
static char const *
counts_end (char const *line, char const *end)
{
  char const *p = line;
  while (p < end && (*p == ' ' || ('0' <= *p && *p <= '9')))
    p++;
  while (p > line && p[-1] == ' ')
    p--;
  return p;
}

/* What wc 9.2 and later print with --total=MODE, made from WANT, the
   system wc 9.1's output without it (9.1 has no --total; ours follows the
   later versions, README.md says so).  9.1 prints the total line exactly
   when more than one name is processed, as `auto` does; `never` drops it;
   `always` adds it to a single count line; `only` prints the total's
   counts alone, one space apart.  Return false when WANT holds no count
   line to make the total from (no name counted, or only names that
   failed), which these rules do not cover, or when `always` would need
   the word "total" in a LOCALE that translates it.  */
static bool
total_expected (char const *mode, char const *locale, struct result *want)
{
  char *out = want->out, *end = out + want->out_len;
  if (strcmp (mode, "auto") == 0)
    return true;
  if (want->out_len == 0 || end[-1] != '\n')
    return false;
  /* The last line, and whether it is the total.  */
  char *last = end - 1;
  while (last > out && last[-1] != '\n')
    last--;
  /* More than one line means more than one name, and so a total; a
     single line is the total if its label is not a name (two names that
     both failed leave the total alone).  */
  bool single = last == out;
  char const *counts_stop = counts_end (last, end - 1);
  char const *label = counts_stop + (counts_stop < end - 1);
  size_t label_len = (size_t) (end - 1 - label);
  bool named = false;
  static char const *const names[] = { "", "in", "in2", "-" };
  for (size_t i = 0; i < COUNTOF (names); i++)
    named |= (label_len == strlen (names[i])
              && memcmp (label, names[i], label_len) == 0);
  bool has_total = !single || !named;
  if (strcmp (mode, "never") == 0)
    {
      if (has_total)
        want->out_len = (size_t) (last - out);
      return true;
    }
  if (!has_total && !single)
    return false;
  if (strcmp (mode, "always") == 0 && has_total)
    return true;
  if (strcmp (mode, "always") == 0
      && !(strcmp (locale, "C") == 0 || strncmp (locale, "C.", 2) == 0
           || strncmp (locale, "en_", 3) == 0))
    return false;
  struct str s = { NULL, 0, 0 };
  str_add (&s, "", 0);
  if (strcmp (mode, "always") == 0)
    {
      str_add (&s, out, want->out_len);
      str_add (&s, last, (size_t) (counts_stop - last));
      str_adds (&s, " total\n");
    }
  else
    {
      /* only: the numbers, without their padding.  */
      char const *p = last;
      while (p < counts_stop)
        {
          while (*p == ' ')
            p++;
          char const *q = p;
          while (q < counts_stop && *q != ' ')
            q++;
          if (s.n)
            str_add (&s, " ", 1);
          str_add (&s, p, (size_t) (q - p));
          p = q;
        }
      str_add (&s, "\n", 1);
    }
  free (want->out);
  want->out = s.p;
  want->out_len = s.n;
  return true;
}

/* Cases the system wc did not survive, which compare with nothing.  */
static uintmax_t system_crashes;

/* Run case K both ways in the working directory, DIR by name; on a
   difference, report it and return false.  A case that kills the system
   wc (GNU 9.5 to 9.11 crash in Shift_JIS on bytes A1..DF) is counted
   apart and passes, once our wc has run it without a crash of its own.  */
static bool
check_case (struct programs *pr, struct wc_case const *k, char const *dir)
{
  struct result want, got;
  run_one (pr, k, false, false, &want);
  bool total = k->total && total_expected (k->total, k->locale, &want);
  run_one (pr, k, true, total, &got);
  bool crashed = 256 <= want.status && !want.timed_out;
  system_crashes += crashed;
  bool same = crashed ? got.status < 256 : same_result (&want, &got);
  if (!same)
    {
      fputs ("DIFFERENCE: the system wc:\n  ", stdout);
      put_command (stdout, pr, k, dir, false, false);
      fputs ("our wc:\n  ", stdout);
      put_command (stdout, pr, k, dir, true, total);
      if (total)
        printf ("  (what the system wc prints, as --total=%s would"
                " change it)\n", k->total);
      put_result (stdout, "expected (system wc)", &want, RUN_TIMEOUT);
      put_result (stdout, "got (our wc)", &got, RUN_TIMEOUT);
    }
  free (want.out);
  free (want.err);
  free (got.out);
  free (got.err);
  return same;
}

/* --- The commands ------------------------------------------------------------ */

_Noreturn static void
usage (void)
{
  fprintf (stderr,
           "Usage: %s run [--seed=N] [--first=K] [--cases=N] [--seconds=S]"
           " [--save=DIR] [--locpath=DIR] [--avoid-gnu-9.5-bugs] SYS_WC OUR_WC\n"
           "       %s replay [--locpath=DIR] SYS_WC OUR_WC CASEDIR...\n",
           program_name, program_name);
  exit (EXIT_TROUBLE);
}

static uint64_t
parse_number (char const *s)
{
  char *end;
  errno = 0;
  unsigned long long v = strtoull (s, &end, 10);
  if (errno || end == s || *end || *s == '-')
    usage ();
  return v;
}

static char *
absolute (char const *path)
{
  char *abs = realpath (path, NULL);
  if (!abs)
    die ("cannot find", path, errno);
  return abs;
}

static double
now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

/* Remove the working directory's input files, then the directory.  */
static void
remove_work (char const *work)
{
  for (size_t i = 0; i < N_FILES; i++)
    unlink (file_names[i]);
  if (chdir ("/") != 0 || rmdir (work) != 0)
    fprintf (stderr, "%s: cannot remove %s: %s\n", program_name, work,
             strerror (errno));
}

static int
cmd_run (struct programs *pr, uint64_t seed, uint64_t first,
         uint64_t max_cases, double seconds, char const *save_dir)
{
  char const *tmpdir = getenv ("TMPDIR");
  struct str work = { NULL, 0, 0 };
  str_adds (&work, tmpdir && *tmpdir ? tmpdir : "/tmp");
  str_adds (&work, "/diff-wc-XXXXXX");
  if (!mkdtemp (work.p))
    die ("cannot create a directory like", work.p, errno);
  if (chdir (work.p) != 0)
    die ("cannot enter", work.p, errno);
  printf ("%s: seed %" PRIu64 ", from case %" PRIu64 "\n", program_name,
          seed, first);
  fflush (stdout);

  struct str bytes = { NULL, 0, 0 };
  double start = now ();
  uint64_t done = 0;
  int status = EXIT_SUCCESS;
  for (uint64_t index = first; done < max_cases; index++)
    {
      if (seconds > 0 && now () - start >= seconds)
        break;
      struct wc_case k;
      draw_case (&k, seed, index, &pr->locales, &bytes);
      done++;
      if (!check_case (pr, &k, work.p))
        {
          char name[64], comment[160];
          snprintf (name, sizeof name, "seed-%" PRIu64 "-case-%" PRIu64,
                    seed, index);
          snprintf (comment, sizeof comment,
                    "diff-wc run --seed=%" PRIu64 " --first=%" PRIu64
                    " --cases=1", seed, index);
          char *saved = save_case (&k, save_dir, name, comment);
          printf ("Saved as %s; repeat it with\n  ", saved);
          if (pr->locales.locpath)
            printf ("%s replay --locpath=%s %s %s %s\n", program_name,
                    pr->locales.locpath, pr->sys_wc, pr->our_wc, saved);
          else
            printf ("%s replay %s %s %s\n", program_name, pr->sys_wc,
                    pr->our_wc, saved);
          printf ("or draw it again with\n  %s run --seed=%" PRIu64
                  " --first=%" PRIu64 " --cases=1 ... SYS_WC OUR_WC\n",
                  program_name, seed, index);
          free (saved);
          status = EXIT_MISMATCH;
        }
      free_case (&k);
      if (status != EXIT_SUCCESS)
        break;
    }
  double elapsed = now () - start;
  printf ("%s: %" PRIu64 " cases (seed %" PRIu64 ", cases %" PRIu64 " to %"
          PRIu64 "), %s, %.1f s, %.0f cases/s\n", program_name, done, seed,
          first, first + done - (done > 0), status ? "1 difference"
          : "no difference", elapsed, elapsed > 0 ? (double) done / elapsed
          : 0.0);
  if (system_crashes)
    printf ("%s: the system wc crashed on %ju of them (compared with"
            " nothing)\n", program_name, system_crashes);
  free (bytes.p);
  remove_work (work.p);
  free (work.p);
  return status;
}

static int
cmd_replay (struct programs *pr, int n_dirs, char **dirs)
{
  int status = EXIT_SUCCESS;
  /* Named before the first case's directory becomes the working one.  */
  char **abs_dirs = xnmalloc ((size_t) n_dirs, sizeof *abs_dirs);
  for (int i = 0; i < n_dirs; i++)
    abs_dirs[i] = absolute (dirs[i]);
  for (int i = 0; i < n_dirs; i++)
    {
      char *dir = abs_dirs[i];
      if (chdir (dir) != 0)
        die ("cannot enter", dir, errno);
      struct wc_case k;
      read_case_file (&k, "case");
      if (!check_case (pr, &k, dir))
        {
          printf ("  (the case saved in %s)\n", dir);
          status = EXIT_MISMATCH;
        }
      free_case (&k);
      free (dir);
    }
  free (abs_dirs);
  printf ("%s: replayed %d cases, %s\n", program_name, n_dirs,
          status ? "some differ" : "no difference");
  if (system_crashes)
    printf ("%s: the system wc crashed on %ju of them (compared with"
            " nothing)\n", program_name, system_crashes);
  return status;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    usage ();
  bool run = strcmp (argv[1], "run") == 0;
  if (!run && strcmp (argv[1], "replay") != 0)
    usage ();
  uint64_t seed = (uint64_t) time (NULL) * 1000003u + (uint64_t) getpid ();
  seed %= 1000000000;
  uint64_t first = 0, max_cases = UINT64_MAX;
  double seconds = 0;
  char const *save_dir = NULL, *locpath = NULL;
  int i = 2;
  for (; i < argc && strncmp (argv[i], "--", 2) == 0; i++)
    {
      char const *a = argv[i];
      if (run && strncmp (a, "--seed=", 7) == 0)
        seed = parse_number (a + 7);
      else if (run && strncmp (a, "--first=", 8) == 0)
        first = parse_number (a + 8);
      else if (run && strncmp (a, "--cases=", 8) == 0)
        max_cases = parse_number (a + 8);
      else if (run && strncmp (a, "--seconds=", 10) == 0)
        {
          uint64_t s = parse_number (a + 10);
          seconds = (double) s;
        }
      else if (run && strncmp (a, "--save=", 7) == 0)
        save_dir = a + 7;
      else if (strncmp (a, "--locpath=", 10) == 0)
        locpath = a + 10;
      else if (run && strcmp (a, "--avoid-gnu-9.5-bugs") == 0)
        whole_reads = true;
      else
        usage ();
    }
  if (argc - i < 2 || (run && argc - i != 2) || (!run && argc - i < 3))
    usage ();
  /* Every path is made absolute before the driver changes directory.  */
  struct programs pr;
  pr.sys_wc = absolute (argv[i]);
  pr.our_wc = absolute (argv[i + 1]);
  char *abs_locpath = locpath ? absolute (locpath) : NULL;
  char *abs_save = NULL;
  if (run && save_dir && save_dir[0] != '/')
    {
      /* It need not exist yet (see save_case).  */
      char *cwd = absolute (".");
      struct str s = { NULL, 0, 0 };
      str_adds (&s, cwd);
      str_adds (&s, "/");
      str_adds (&s, save_dir);
      abs_save = s.p;
      free (cwd);
    }
  else if (run)
    abs_save = save_dir ? xstrdup (save_dir) : absolute (".");
  choose_locales (&pr.locales, abs_locpath);
  runner_init (&pr.runner, RUN_TIMEOUT);
  int status = run ? cmd_run (&pr, seed, first, max_cases, seconds, abs_save)
               : cmd_replay (&pr, argc - i - 2, argv + i + 2);
  if (fflush (stdout) != 0 || ferror (stdout))
    die ("cannot write", "standard output", errno);
  return status;
}
