// GMP's memory: a block it cannot have becomes a LimitError, never an abort.
//
// GMP (and MPFR and MPFI through it) calls its allocation functions for every number it
// makes, and its own ones abort the process ("GNU MP: Cannot allocate memory") when a block
// cannot be had. The limits of DESIGN §3 (bits per number, cells, digits) keep numbers far
// below that; this is the last guard behind them, for whatever a limit misses: the process
// ends with a message and exit code 2 instead of SIGABRT. GMP's manual leaves recovery from
// an allocation failure undefined: the number being made is lost (and its scratch memory
// leaked), so the exception is caught only where the whole computation is abandoned (a cell,
// a case, the process), never retried in place.
#pragma once

#include <cstddef>

namespace handcheck {

// Installs the allocation functions; later calls do nothing. Call before any other use of
// GMP, MPFR or MPFI (the command line does so first thing; loading a case does too).
void install_gmp_allocator();

// The largest block GMP may ask for at once, in bytes (default 4 GiB: above the largest
// number --max-bits allows, 2^34 bits). Larger requests throw LimitError without asking the
// system, whose overcommitted memory would otherwise end the process later. For tests.
void set_gmp_block_limit(std::size_t bytes);
std::size_t gmp_block_limit();

}  // namespace handcheck
