// Comparing a stated number with a true one under the modes of DESIGN §4, and the range a
// stated number stands for when later steps are recomputed from it (DESIGN §5).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "handcheck/model/case.hpp"
#include "handcheck/numbers/range.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

enum class Match { yes, no, undecided };

bool matches(const CompareMode& mode, const Literal& stated, const Rational& truth);
// Against the exact pipeline; undecided when the enclosure straddles the boundary. Against
// an irrational value, `exact` means "agrees to every certified digit".
Match matches(const CompareMode& mode, const Literal& stated, const Real& truth);

// Every true value the stated number is consistent with: under `printed`, 0.21 stands for
// [0.205, 0.215]; an integer or a fraction for itself. DomainError for an infinity.
Range stated_range(const CompareMode& mode, const Literal& stated);

// Whether the stated value matches some value in the enclosure l (a recomputation from stated
// operands): enough to show that a stated value follows from them, never to prove it right.
bool may_match(const CompareMode& mode, const Literal& stated, const Real& l);

// The stated number written as the truth would be printed in its place: with the same
// number of decimals when it is a decimal, else as a fraction (hand) or certified digits.
std::string printed_like(const Literal& stated, const Rational& truth);
// The same under a comparison (sigfig: the truth's significant figures), with more digits
// where that would read as the stated value itself, so that an erratum shows where it differs.
// It is a number the comparison accepts, else (an irrational no number written out is within
// the tolerance of) its certified digits after "≈ ".
std::string printed_like(const CompareMode& mode, const Literal& stated, const Real& truth, int digits);

// Whether t's enclosure settles the digits the stated number is written with (its decimals, or
// the significant figures of sigfig), so that printed_like writes t as the stated number is.
bool settles_printed_like(const CompareMode& mode, const Literal& stated, const Real& truth);

// Whether a number written as `text` matches t under the comparison (certainly).
bool accepts(const CompareMode& mode, std::string_view text, const Real& t);
// t with `decimals` decimals or the fewest more (up to 40) that the comparison accepts; nullopt
// where none does or the enclosure of t does not settle them.
std::optional<std::string> accepted_fixed(const CompareMode& mode, const Real& t, int decimals);

// Correctly rounded fixed notation of an exact-pipeline value, or nullopt when undecided.
std::optional<std::string> certified_fixed(const Real& x, int decimals);

}  // namespace handcheck
