/* gnu-rules.h: the GNU wc releases whose behaviour wc follows, as data.
   Everything observable that GNU changed after 9.1 is one field here; the
   counter, the input readers and main() read the fields, so a rule set is
   chosen once (--gnu-compat, or the build's default) and nothing else in
   the program tests a version.  */
#ifndef WC_GNU_RULES_H
#define WC_GNU_RULES_H

#include <stdbool.h>

struct gnu_rules
{
  char const *version;          /* "9.1", the --gnu-compat name */
  /* Words.  false (9.1): a word is a run of printable characters that are
     not white space; the other characters and encoding errors neither
     start nor end one.  true (9.5 and later): a word is a run of anything
     but white space, control characters and encoding errors included.  */
  bool nonspace_words;
  /* The C locale: each byte >= 0x80 is taken for the code point of the
     same value (9.5 and later, through gnulib), which makes 0xA0 a
     no-break space, and so a separator unless POSIXLY_CORRECT is set.  */
  bool c_bytes_are_code_points;
  /* A read error's message comes after the count line of its input (9.5
     and later), not before.  */
  bool error_after_counts;
  /* -c on a seekable input whose size it trusts moves the offset to the
     end, as reading would (9.3 and later); 9.1 leaves it where it was.  */
  bool bytes_seek_to_end;
  /* A total that overflows is printed as the largest value, with a
     diagnostic and exit status 1 (9.3 and later); 9.1 wraps silently.
     The sum of sizes behind the field width saturates the same way.  */
  bool saturate_totals;
  /* --debug names the line kernel once per process (9.5 and later), not
     before every input.  */
  bool debug_once;
  /* Diagnostics other than getopt's and the "Try" line name the program
     by the last part of argv[0] (9.7, through gnulib's error), not all of
     it.  */
  bool short_program_name;
  /* --help's sentence on what a word is.  */
  char const *word_help;
};

/* The --gnu-compat names of the rule sets (NULL-terminated) and the set
   of each name, for argmatch.  */
extern char const *const gnu_rules_names[];
extern struct gnu_rules const *const gnu_rules_by_name[];

/* The build's default set (configure --with-gnu-compat).  */
extern struct gnu_rules const *const gnu_rules_default;

#endif
