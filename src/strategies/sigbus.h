/* sigbus.h: run code that reads a file mapping so that a SIGBUS raised by
   the mapping (the file was truncated under it) becomes an error return
   instead of killing the process.  */
#ifndef WC_SIGBUS_H
#define WC_SIGBUS_H

#include <stdbool.h>
#include <stddef.h>

/* Call BODY (ARG).  If BODY touches [LO, LO + LEN) and that raises SIGBUS,
   BODY is abandoned and the result is false.  Any other SIGBUS, or SIGBUS
   elsewhere, keeps its default action (the process dies with a core).  */
bool sigbus_guard (void const *lo, size_t len, void (*body) (void *),
                   void *arg);

#endif
