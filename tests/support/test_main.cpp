#define BOOST_TEST_MODULE handcheck
#include <boost/test/unit_test.hpp>
