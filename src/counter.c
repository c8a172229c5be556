/* counter.c: the counting engine: picks one kernel per input from the
   wanted counts, the locale and the CPU, and feeds it spans.  */
#include <config.h>

#include "counter.h"
#include "progress.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum counter_pass
counter_pass_for (struct char_rules const *rules, unsigned wanted)
{
  if (rules->utf8 && (wanted & (WANT_WORDS | WANT_MAX_WIDTH | WANT_CHARS)))
    return (wanted & WANT_MAX_WIDTH ? PASS_UTF8
            : wanted & WANT_WORDS ? PASS_UTF8_WORDS
            : wanted & WANT_LINES ? PASS_UTF8_CHARS_LINES : PASS_UTF8_CHARS);
  if (wanted & (WANT_WORDS | WANT_MAX_WIDTH))
    return rules->multibyte ? PASS_MULTIBYTE : PASS_SINGLE_BYTE;
  if (rules->multibyte && (wanted & WANT_CHARS))
    return PASS_MULTIBYTE;
  return wanted & WANT_LINES ? PASS_LINES : PASS_BYTES;
}

/* Whether the CPU runs instructions of FEATURE and the kernel saves their
   registers (no SIGILL on systems that disable AVX).  glibc's answer is what
   its loader found at start-up; __builtin_cpu_supports asks the CPU afresh
   in a constructor that runs at every start, needed or not, and CPUID costs
   microseconds where it traps to a hypervisor.  */
#if HAVE_SSE2_KERNELS || HAVE_AVX2_KERNELS
# if HAVE_CPU_FEATURE_ACTIVE
#  include <sys/platform/x86.h>
#  define CPU_HAS(feature, name) CPU_FEATURE_ACTIVE (feature)
# else
#  define CPU_HAS(feature, name) __builtin_cpu_supports (name)
# endif
#endif

/* The best level the CPU runs.  The AVX2 kernels also use POPCNT and BMI1
   (TZCNT, BLSR), which every AVX2 CPU has, but check.  */
static enum simd_level
cpu_simd_level (void)
{
  enum simd_level level = SIMD_PORTABLE;
#if (HAVE_SSE2_KERNELS || HAVE_AVX2_KERNELS) && !HAVE_CPU_FEATURE_ACTIVE
  __builtin_cpu_init ();
#endif
#if HAVE_SSE2_KERNELS
  if (CPU_HAS (SSE2, "sse2"))
    level = SIMD_SSE2;
#endif
#if HAVE_AVX2_KERNELS
  if (CPU_HAS (AVX2, "avx2") && CPU_HAS (POPCNT, "popcnt")
      && CPU_HAS (BMI1, "bmi"))
    level = SIMD_AVX2;
#endif
#if HAVE_AVX512_KERNELS
  if (level == SIMD_AVX2 && CPU_HAS (AVX512F, "avx512f")
      && CPU_HAS (AVX512BW, "avx512bw") && CPU_HAS (AVX512_VBMI, "avx512vbmi"))
    level = SIMD_AVX512;
#endif
  return level;
}

/* The process's level and its --debug sentence, set once by
   choose_simd_level.  */
static enum simd_level process_level;
static char const *process_level_report;

/* WC_SIMD lets tests and measurements compare the levels on one CPU: off
   (portable), sse2, avx2 or avx512 caps the level; a level the CPU lacks
   falls back to the best below it, and other values are ignored.  The
   report is the --debug sentence: GNU wc's where GNU has one.  It names
   the newline kernel's level, which is AVX2 at the AVX-512 level too.  */
static void
choose_simd_level (void)
{
  enum simd_level best = cpu_simd_level ();
  enum simd_level cap = SIMD_AVX512;
  char const *simd = getenv ("WC_SIMD");
  if (simd && strcmp (simd, "off") == 0)
    cap = SIMD_PORTABLE;
  else if (simd && strcmp (simd, "sse2") == 0)
    cap = SIMD_SSE2;
  else if (simd && strcmp (simd, "avx2") == 0)
    cap = SIMD_AVX2;
  process_level = best < cap ? best : cap;
  process_level_report
    = (SIMD_AVX2 <= process_level ? "using avx2 hardware support"
       : best < SIMD_AVX2 ? "avx2 support not detected"
       : cap == SIMD_SSE2
       ? "avx2 support disabled by WC_SIMD=sse2; using sse2"
       : "avx2 support disabled by WC_SIMD=off");
}

/* Counters are set up on any thread: pthread_once makes the first caller
   choose, and every other wait until the choice is made.  */
enum simd_level
counter_simd_level (char const **report)
{
  static pthread_once_t chosen = PTHREAD_ONCE_INIT;
  pthread_once (&chosen, choose_simd_level);
  if (report)
    *report = process_level_report;
  return process_level;
}

/* The newline kernel of LEVEL.  */
static newline_kernel
newline_kernel_at (enum simd_level level)
{
  switch (level)
    {
#if HAVE_AVX2_KERNELS
    case SIMD_AVX512:
    case SIMD_AVX2:
      return count_newlines_avx2;
#endif
#if HAVE_SSE2_KERNELS
    case SIMD_SSE2:
      return count_newlines_sse2;
#endif
    default:
      return count_newlines_portable;
    }
}

newline_kernel
counter_newline_kernel (char const **report)
{
  return newline_kernel_at (counter_simd_level (report));
}

static bool
pass_decodes_utf8 (enum counter_pass pass)
{
  return (pass == PASS_UTF8 || pass == PASS_UTF8_WORDS
          || pass == PASS_UTF8_CHARS || pass == PASS_UTF8_CHARS_LINES);
}

/* Whether PASS counts characters; the others leave them equal to bytes.  */
static bool
pass_decodes (enum counter_pass pass)
{
  return pass == PASS_MULTIBYTE || pass_decodes_utf8 (pass);
}

/* The UTF-8 kernels of LEVEL: AVX2 has its own, the other levels share the
   portable ones (the scan kernel is then null: no bulk step).  */
static utf8_chars_kernel
utf8_chars_kernel_at (enum simd_level level)
{
#if HAVE_AVX2_KERNELS
  if (SIMD_AVX2 <= level)
    return count_utf8_chars_avx2;
#endif
  (void) level;
  return count_utf8_chars_portable;
}

static utf8_scan_kernel
utf8_scan_kernel_at (enum simd_level level, bool widths)
{
#if HAVE_AVX512_KERNELS
  if (level == SIMD_AVX512 && !widths)
    return scan_utf8_words_avx512;
#endif
#if HAVE_AVX2_KERNELS
  if (SIMD_AVX2 <= level)
    return widths ? scan_utf8_avx2 : scan_utf8_words_avx2;
#endif
  (void) level;
  (void) widths;
  return NULL;
}

void
counter_init_at (struct counter *c, struct char_rules const *rules,
                 unsigned wanted, enum simd_level level)
{
  memset (c, 0, sizeof *c);
  c->rules = rules;
  c->pass = counter_pass_for (rules, wanted);
  c->count_newlines = newline_kernel_at (level);
  if (c->pass == PASS_SINGLE_BYTE || c->pass == PASS_UTF8
      || c->pass == PASS_UTF8_WORDS)
    block_kernel_init (&c->blocks, level, rules, c->pass == PASS_UTF8
                       || (c->pass == PASS_SINGLE_BYTE
                           && wanted & WANT_MAX_WIDTH));
  /* A UTF-8 pass decodes every byte >= 0x80 (the locale's table says so
     already; this makes sure).  */
  if (c->pass == PASS_UTF8 || c->pass == PASS_UTF8_WORDS)
    c->blocks.high = HIGH_REFUSE;
  if (pass_decodes_utf8 (c->pass))
    {
      c->count_utf8_chars = utf8_chars_kernel_at (level);
      c->scan_utf8_bulk = utf8_scan_kernel_at (level, c->pass == PASS_UTF8);
    }
}

void
counter_init (struct counter *c, struct char_rules const *rules,
              unsigned wanted)
{
  counter_init_at (c, rules, wanted, counter_simd_level (NULL));
}

/* Blocks go to the block kernel, and what it refuses (a block with bytes
   of mixed classes) or leaves (the last bytes) to the byte loop.  */
static void
feed_single_byte (struct counter *c, unsigned char const *p, size_t n)
{
  unsigned char const *action = c->rules->byte_action;
  if (!c->blocks.scan)
    {
      scan_single_byte (action, &c->scan, p, n, &c->counts);
      return;
    }
  while (SCAN_BLOCK <= n)
    {
      size_t done = scan_ascii_blocks (&c->blocks, &c->scan, p, n,
                                       &c->counts);
      p += done;
      n -= done;
      if (SCAN_BLOCK <= n)
        {
          scan_single_byte (action, &c->scan, p, SCAN_BLOCK, &c->counts);
          p += SCAN_BLOCK;
          n -= SCAN_BLOCK;
        }
    }
  if (SHORT_TAIL <= n && scan_ascii_tail (&c->blocks, &c->scan, p, n,
                                           &c->counts))
    return;
  scan_single_byte (action, &c->scan, p, n, &c->counts);
}

void
counter_feed (struct counter *c, void const *span, size_t n)
{
  unsigned char const *p = span;
  c->counts.bytes += n;
  switch (c->pass)
    {
    case PASS_BYTES:
      break;
    case PASS_LINES:
      c->counts.lines += c->count_newlines (p, n);
      break;
    case PASS_SINGLE_BYTE:
      feed_single_byte (c, p, n);
      break;
    case PASS_MULTIBYTE:
      scan_multibyte (c->rules, &c->scan, p, n, &c->counts);
      break;
    case PASS_UTF8:
      scan_utf8 (c->scan_utf8_bulk, c->blocks.scan ? &c->blocks : NULL,
                 c->rules, &c->scan, p, n, &c->counts);
      break;
    case PASS_UTF8_WORDS:
      scan_utf8_words (c->scan_utf8_bulk, c->blocks.scan ? &c->blocks : NULL,
                       c->rules, &c->scan, p, n, &c->counts);
      break;
    case PASS_UTF8_CHARS_LINES:
      c->counts.lines += c->count_newlines (p, n);
      _GL_ATTRIBUTE_FALLTHROUGH;
    case PASS_UTF8_CHARS:
      scan_utf8_chars (c->count_utf8_chars, &c->scan, p, n, &c->counts);
      break;
    }
  /* Every span enters here: the one place a progress request is seen.  */
  progress_poll (c);
}

void
counter_credit_bytes (struct counter *c, uintmax_t n)
{
  c->counts.bytes += n;
}

struct counts
counter_finish (struct counter *c)
{
  struct counts result = c->counts;
  struct scan_state end = c->scan;
  /* A character that the end cut: 9.1 drops its bytes.  9.7 takes its
     first byte for an encoding error, a constituent, and decodes again
     from the next, as everywhere else: in GB18030 the bytes after a cut
     four-byte lead may be whole characters, a '\n' among them.  */
  if (end.npending && c->rules->nonspace_words)
    {
      struct counter rest = *c;
      while (rest.scan.npending)
        {
          unsigned char bytes[sizeof rest.scan.pending];
          size_t n = rest.scan.npending - 1;
          memcpy (bytes, rest.scan.pending + 1, n);
          rest.scan.npending = 0;
          rest.scan.in_word = true;
          counter_feed (&rest, bytes, n);
          rest.counts.bytes -= n;       /* counted when they came */
        }
      result = rest.counts;
      end = rest.scan;
    }
  scan_finish (&end, &result);
  if (!pass_decodes (c->pass))
    result.chars = result.bytes;
  return result;
}
